# Fails when docs/parameters.md differs from `parksim describe` (regenerate it with that command).
execute_process(COMMAND ${PARKSIM} describe OUTPUT_VARIABLE generated RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "parksim describe failed")
endif()
file(READ ${DOC} committed)
if(NOT generated STREQUAL committed)
  message(FATAL_ERROR "docs/parameters.md is out of date: run `build/parksim describe > docs/parameters.md`")
endif()
