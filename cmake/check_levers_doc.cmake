# Fails when docs/levers.md differs from `parksim describe --levers` (regenerate it with that command).
execute_process(COMMAND ${PARKSIM} describe --levers OUTPUT_VARIABLE generated RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "parksim describe --levers failed")
endif()
file(READ ${DOC} committed)
if(NOT generated STREQUAL committed)
  message(FATAL_ERROR "docs/levers.md is out of date: run `build/parksim describe --levers > docs/levers.md`")
endif()
