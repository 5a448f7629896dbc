# gluon_add_erlang_bundle(<target> SOURCES a.erl b.beam ... [START module]
#                         [SYMBOL name])
#
# Compiles each .erl with erlc (a .beam is taken as it is), packs the
# modules into one AVM bundle and adds it to <target> as a const array in
# flash: `const uint8_t <SYMBOL>[]` and `const size_t <SYMBOL>_len`
# (SYMBOL defaults to gluon_app_bundle, which CONFIG_GLUON_AUTOSTART
# loads). START names the module to start (default: the first source).
set(GLUON_PACK_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/../scripts/gluon_pack.py CACHE INTERNAL "")

function(gluon_add_erlang_bundle target)
  cmake_parse_arguments(ARG "" "START;SYMBOL" "SOURCES" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "gluon_add_erlang_bundle: no SOURCES")
  endif()
  if(NOT ARG_SYMBOL)
    set(ARG_SYMBOL gluon_app_bundle)
  endif()
  set(dir ${CMAKE_CURRENT_BINARY_DIR}/gluon/${ARG_SYMBOL})
  file(MAKE_DIRECTORY ${dir})
  set(beams)
  foreach(src ${ARG_SOURCES})
    get_filename_component(src ${src} ABSOLUTE)
    get_filename_component(name ${src} NAME_WE)
    get_filename_component(ext ${src} LAST_EXT)
    if(ext STREQUAL ".erl")
      find_program(GLUON_ERLC erlc)
      if(NOT GLUON_ERLC)
        message(FATAL_ERROR "gluon_add_erlang_bundle: erlc is needed for ${src} "
                            "(install Erlang/OTP, or give the compiled .beam)")
      endif()
      add_custom_command(OUTPUT ${dir}/${name}.beam
        COMMAND ${GLUON_ERLC} -o ${dir} ${src}
        DEPENDS ${src}
        COMMENT "erlc ${name}.erl")
      list(APPEND beams ${dir}/${name}.beam)
    elseif(ext STREQUAL ".beam")
      list(APPEND beams ${src})
    else()
      message(FATAL_ERROR "gluon_add_erlang_bundle: ${src} is neither .erl nor .beam")
    endif()
    if(NOT ARG_START)
      set(ARG_START ${name})
    endif()
  endforeach()
  set(avm ${dir}/${ARG_SYMBOL}.avm)
  set(c ${dir}/${ARG_SYMBOL}.c)
  add_custom_command(OUTPUT ${avm} ${c}
    COMMAND ${PYTHON_EXECUTABLE} ${GLUON_PACK_SCRIPT}
            --start ${ARG_START} --output ${avm} --c-array ${c} --symbol ${ARG_SYMBOL}
            ${beams}
    DEPENDS ${beams} ${GLUON_PACK_SCRIPT}
    COMMENT "Packing the Erlang bundle ${ARG_SYMBOL} (${ARG_START})")
  target_sources(${target} PRIVATE ${c})
endfunction()
