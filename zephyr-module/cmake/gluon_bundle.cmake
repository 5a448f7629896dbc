# gluon_add_erlang_bundle(<target> SOURCES a.erl b.beam ... [START module]
#                         [SYMBOL name] [MODULES name...]
#                         [KEEP_NATIVES module:function/arity...]
#                         [WHOLE_LIBRARY])
#
# Compiles each .erl with erlc (a .beam is taken as it is), packs the
# modules and the modules of Gluon's standard library they need (those
# their import tables and external funs name, transitively, unless the VM
# implements the function natively) into one AVM
# bundle and adds it to <target> as a const array in flash:
# `const uint8_t <SYMBOL>[]` and `const size_t <SYMBOL>_len` (SYMBOL
# defaults to gluon_app_bundle, which CONFIG_GLUON_AUTOSTART loads).
# START names the module to start (default: the first source). Library
# modules are compiled with only the functions needed
# (GLUON_PRUNE_LIBRARY, on by default). MODULES adds library modules,
# whole, reached only dynamically (apply/3 with a computed module);
# WHOLE_LIBRARY adds the whole library. With
# CONFIG_GLUON_NATIVES_FROM_BUNDLE the VM keeps only the natives the
# bundles' modules call; KEEP_NATIVES (and CONFIG_GLUON_KEEP_NATIVES)
# names those reached only dynamically. The library is compiled
# with +no_line_info (GLUON_STDLIB_ERLC_FLAGS) and the packer stores
# literal tables uncompressed (scripts/gluon_pack.py says why).
set(GLUON_PACK_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/../scripts/gluon_pack.py CACHE INTERNAL "")
set(GLUON_STDLIB_ERLC_FLAGS "+no_line_info" CACHE STRING
    "erlc flags for the standard library modules embedded in bundles")
option(GLUON_PRUNE_LIBRARY "bundle only the library functions the application needs" ON)

# The standard library for bundles, compiled once per build tree.
function(gluon_bundle_stdlib out_dir out_beams)
  set(dir ${CMAKE_BINARY_DIR}/gluon/stdlib)
  file(GLOB srcs CONFIGURE_DEPENDS ${GLUON_ROOT}/erlang-stdlib/*.erl)
  set(beams)
  foreach(src ${srcs})
    get_filename_component(name ${src} NAME_WE)
    list(APPEND beams ${dir}/${name}.beam)
  endforeach()
  if(NOT TARGET gluon_bundle_stdlib_beams)
    find_program(GLUON_ERLC erlc)
    if(NOT GLUON_ERLC)
      message(FATAL_ERROR "gluon_add_erlang_bundle: erlc is needed for the standard library "
                          "(install Erlang/OTP)")
    endif()
    separate_arguments(flags UNIX_COMMAND "${GLUON_STDLIB_ERLC_FLAGS}")
    add_custom_command(OUTPUT ${beams}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}
      COMMAND ${GLUON_ERLC} ${flags} -o ${dir} ${srcs}
      DEPENDS ${srcs}
      COMMENT "erlc: Gluon's standard library for bundles"
      VERBATIM)
    add_custom_target(gluon_bundle_stdlib_beams DEPENDS ${beams})
  endif()
  set(${out_dir} ${dir} PARENT_SCOPE)
  set(${out_beams} ${beams} PARENT_SCOPE)
endfunction()

function(gluon_add_erlang_bundle target)
  cmake_parse_arguments(ARG "WHOLE_LIBRARY" "START;SYMBOL" "SOURCES;MODULES;KEEP_NATIVES" ${ARGN})
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
  gluon_bundle_stdlib(lib_dir lib_beams)
  # Calls to the VM's native functions need no library module.
  file(GLOB_RECURSE native_srcs CONFIGURE_DEPENDS ${GLUON_ROOT}/gluon-vm/src/*.rs)
  set(lib_args --lib ${lib_dir} --natives ${GLUON_ROOT}/gluon-vm/src)
  set(prune_deps)
  if(GLUON_PRUNE_LIBRARY)
    list(APPEND lib_args --prune ${GLUON_ROOT}/erlang-stdlib)
    separate_arguments(lib_flags UNIX_COMMAND "${GLUON_STDLIB_ERLC_FLAGS}")
    foreach(f ${lib_flags})
      list(APPEND lib_args --erlc-flag=${f})
    endforeach()
    file(GLOB prune_deps CONFIGURE_DEPENDS ${GLUON_ROOT}/erlang-stdlib/*.erl)
    list(APPEND prune_deps ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../scripts/gluon_prune.escript)
  endif()
  foreach(m ${ARG_MODULES})
    list(APPEND lib_args --module ${m})
  endforeach()
  if(ARG_WHOLE_LIBRARY)
    list(APPEND lib_args --whole-lib)
  endif()
  set(avm ${dir}/${ARG_SYMBOL}.avm)
  set(c ${dir}/${ARG_SYMBOL}.c)
  set(outputs ${avm} ${c})
  if(CONFIG_GLUON_NATIVES_FROM_BUNDLE)
    set(natives ${dir}/${ARG_SYMBOL}_natives.txt)
    list(APPEND outputs ${natives})
    list(APPEND lib_args --natives-out ${natives})
    string(REPLACE " " ";" keep "${CONFIG_GLUON_KEEP_NATIVES}")
    foreach(n ${keep} ${ARG_KEEP_NATIVES})
      list(APPEND lib_args --keep-native ${n})
    endforeach()
  endif()
  add_custom_command(OUTPUT ${outputs}
    COMMAND ${PYTHON_EXECUTABLE} ${GLUON_PACK_SCRIPT}
            --start ${ARG_START} --output ${avm} --c-array ${c} --symbol ${ARG_SYMBOL}
            ${lib_args} ${beams}
    DEPENDS ${beams} ${lib_beams} ${native_srcs} ${prune_deps} ${GLUON_PACK_SCRIPT}
    COMMENT "Packing the Erlang bundle ${ARG_SYMBOL} (${ARG_START})"
    VERBATIM)
  add_dependencies(${target} gluon_bundle_stdlib_beams)
  if(CONFIG_GLUON_NATIVES_FROM_BUNDLE)
    # cargo builds the VM after every bundle's list (it reads their union).
    add_custom_target(gluon_natives_${ARG_SYMBOL} DEPENDS ${natives})
    add_dependencies(gluon_natives_${ARG_SYMBOL} gluon_bundle_stdlib_beams)
    add_dependencies(gluon_cargo gluon_natives_${ARG_SYMBOL})
    add_dependencies(${target} gluon_natives_${ARG_SYMBOL})
    set_property(TARGET gluon_cargo APPEND PROPERTY GLUON_NATIVE_LISTS ${natives})
  endif()
  target_sources(${target} PRIVATE ${c})
endfunction()
