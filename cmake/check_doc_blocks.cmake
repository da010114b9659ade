# Fails when a generated block of a hand-written document (DOC) differs from what
# `parksim describe <flag>` prints now. A block is the text between the lines
#   <!-- BEGIN GENERATED: describe <flag> -->
#   <!-- END GENERATED -->
# -DPARKSIM=<binary> -DDOC=<committed file> -DFLAGS=<describe flags, comma-separated: every one
# must have its block in DOC>. Update with tools/update_docs.sh.
get_filename_component(name ${DOC} NAME)
file(READ ${DOC} text)
set(end_marker "<!-- END GENERATED -->")
set(failed "")
string(REPLACE "," ";" flags "${FLAGS}")
foreach(flag IN LISTS flags)
  set(begin_marker "<!-- BEGIN GENERATED: describe ${flag} -->\n")
  string(FIND "${text}" "${begin_marker}" begin)
  if(begin EQUAL -1)
    list(APPEND failed "${flag} (no `<!-- BEGIN GENERATED: describe ${flag} -->` line)")
    continue()
  endif()
  string(LENGTH "${begin_marker}" marker_length)
  math(EXPR start "${begin} + ${marker_length}")
  string(SUBSTRING "${text}" ${start} -1 rest)
  string(FIND "${rest}" "${end_marker}" stop)
  if(stop EQUAL -1)
    list(APPEND failed "${flag} (no `${end_marker}` line after its BEGIN line)")
    continue()
  endif()
  string(SUBSTRING "${rest}" 0 ${stop} committed)
  execute_process(COMMAND ${PARKSIM} describe ${flag} OUTPUT_VARIABLE generated
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "parksim describe ${flag} failed (exit status ${rc})")
  endif()
  if(NOT generated STREQUAL committed)
    list(APPEND failed "${flag}")
  endif()
endforeach()
if(failed)
  string(REPLACE ";" ", " shown "${failed}")
  message(FATAL_ERROR
          "docs/${name}: generated blocks out of date: ${shown}. Run `tools/update_docs.sh` "
          "(after building), which rewrites each block with `build/parksim describe <flag>`.")
endif()
