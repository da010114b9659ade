# Fails when a generated document (DOC) differs from what `parksim describe ARGS` prints now.
# -DPARKSIM=<binary> -DDOC=<committed file> -DARGS=<describe options, ;-separated; may be empty>
execute_process(COMMAND ${PARKSIM} describe ${ARGS} OUTPUT_VARIABLE generated RESULT_VARIABLE rc)
string(REPLACE ";" " " shown "${ARGS}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "parksim describe ${shown} failed")
endif()
file(READ ${DOC} committed)
if(NOT generated STREQUAL committed)
  get_filename_component(name ${DOC} NAME)
  message(FATAL_ERROR "docs/${name} is out of date: run `build/parksim describe ${shown} > docs/${name}`")
endif()
