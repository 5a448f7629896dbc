# gluon_add_app(<target> <module.erl|module.beam>... [MODULES name...]
#               [KEEP_NATIVES module:function/arity...] [WHOLE_LIBRARY])
#
# Compiles the Erlang modules with erlc when the firmware is built and
# links into <target>, as const arrays (in flash), those modules and the
# modules of Gluon's standard library (erlang-stdlib/) that they need:
# the ones their import tables and external funs name, transitively, for
# functions the VM does not implement natively
# (zephyr-module/scripts/gluon_pack.py chooses them), each compiled with
# only the functions needed (GLUON_PRUNE_LIBRARY, on by default). A
# library module or function reached only dynamically (apply/3, spawn/3
# with a computed module) needs its module named in MODULES (kept whole);
# WHOLE_LIBRARY embeds the whole library. With GLUON_NATIVES_FROM_APPS
# the VM keeps only the native functions that the packed modules call
# (the union over every gluon_add_app of the build, which share one
# VM library); KEEP_NATIVES (and GLUON_KEEP_NATIVES, for all apps) names
# natives reached only dynamically (apply/3, erlang:F(...) with a
# computed F), which would otherwise raise undef. The C side (gluon_app.h):
#
#   gluon_status gluon_app_add(gluon_vm *vm);  /* each loads on first use */
#   extern const char gluon_app_start[];       /* the first module's name */
#
# Modules are loaded in place: only the VM's translated code and the
# module's tables go to RAM; the packer stores literal tables uncompressed
# so that loading needs no inflate buffers either. The library is compiled
# with +no_line_info (GLUON_STDLIB_ERLC_FLAGS): smaller code and no line
# table, at the price of stack traces without line numbers inside the
# library (docs/footprint.md). The application's modules keep theirs
# (GLUON_ERLC_FLAGS adds flags for them).
find_program(GLUON_ERLC erlc REQUIRED)
find_package(Python3 COMPONENTS Interpreter REQUIRED)
set(GLUON_PYTHON "${Python3_EXECUTABLE}" CACHE INTERNAL "")
set(GLUON_ERLC_FLAGS "" CACHE STRING "erlc flags for the application's modules")
set(GLUON_STDLIB_ERLC_FLAGS "+no_line_info" CACHE STRING
    "erlc flags for the standard library modules embedded in firmware")
option(GLUON_PRUNE_LIBRARY "embed only the library functions the application needs" ON)
# Cache variables: gluon_add_app runs in the firmware's directories.
get_filename_component(root "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)
set(GLUON_APP_ROOT "${root}" CACHE INTERNAL "")
set(GLUON_PACK "${GLUON_APP_ROOT}/zephyr-module/scripts/gluon_pack.py" CACHE INTERNAL "")
set(GLUON_APP_INCLUDE "${CMAKE_CURRENT_LIST_DIR}/../include" CACHE INTERNAL "")

# The standard library, compiled once per build tree.
function(gluon_stdlib_beams out_dir out_beams)
    set(dir "${CMAKE_BINARY_DIR}/gluon_stdlib")
    file(GLOB srcs CONFIGURE_DEPENDS "${GLUON_APP_ROOT}/erlang-stdlib/*.erl")
    set(beams "")
    foreach(src IN LISTS srcs)
        get_filename_component(name "${src}" NAME_WE)
        list(APPEND beams "${dir}/${name}.beam")
    endforeach()
    if(NOT TARGET gluon_stdlib_beams)
        separate_arguments(flags UNIX_COMMAND "${GLUON_STDLIB_ERLC_FLAGS}")
        add_custom_command(OUTPUT ${beams}
            COMMAND "${CMAKE_COMMAND}" -E make_directory "${dir}"
            COMMAND "${GLUON_ERLC}" ${flags} -o "${dir}" ${srcs}
            DEPENDS ${srcs}
            COMMENT "erlc: Gluon's standard library for firmware"
            VERBATIM)
        add_custom_target(gluon_stdlib_beams DEPENDS ${beams})
    endif()
    set(${out_dir} "${dir}" PARENT_SCOPE)
    set(${out_beams} "${beams}" PARENT_SCOPE)
endfunction()

function(gluon_add_app target)
    cmake_parse_arguments(ARG "WHOLE_LIBRARY" "" "MODULES;KEEP_NATIVES" ${ARGN})
    set(dir "${CMAKE_CURRENT_BINARY_DIR}/${target}_beams")
    separate_arguments(flags UNIX_COMMAND "${GLUON_ERLC_FLAGS}")
    set(beams "")
    foreach(src IN LISTS ARG_UNPARSED_ARGUMENTS)
        get_filename_component(src "${src}" ABSOLUTE)
        get_filename_component(name "${src}" NAME_WE)
        get_filename_component(ext "${src}" LAST_EXT)
        if(ext STREQUAL ".beam")
            list(APPEND beams "${src}")
            continue()
        endif()
        add_custom_command(OUTPUT "${dir}/${name}.beam"
            COMMAND "${CMAKE_COMMAND}" -E make_directory "${dir}"
            COMMAND "${GLUON_ERLC}" ${flags} -o "${dir}" "${src}"
            DEPENDS "${src}"
            COMMENT "erlc ${name}.erl"
            VERBATIM)
        list(APPEND beams "${dir}/${name}.beam")
    endforeach()
    gluon_stdlib_beams(lib_dir lib_beams)
    # Calls to the VM's native functions (lists:reverse/2, maps:get/2...)
    # need no library module: the packer reads them from the VM's sources.
    file(GLOB_RECURSE native_srcs CONFIGURE_DEPENDS "${GLUON_APP_ROOT}/gluon-vm/src/*.rs")
    set(pack_args --lib "${lib_dir}" --natives "${GLUON_APP_ROOT}/gluon-vm/src")
    set(prune_deps "")
    if(GLUON_PRUNE_LIBRARY)
        list(APPEND pack_args --prune "${GLUON_APP_ROOT}/erlang-stdlib")
        separate_arguments(lib_flags UNIX_COMMAND "${GLUON_STDLIB_ERLC_FLAGS}")
        foreach(f IN LISTS lib_flags)
            list(APPEND pack_args "--erlc-flag=${f}")
        endforeach()
        file(GLOB prune_deps CONFIGURE_DEPENDS "${GLUON_APP_ROOT}/erlang-stdlib/*.erl")
        list(APPEND prune_deps "${GLUON_APP_ROOT}/zephyr-module/scripts/gluon_prune.escript")
    endif()
    foreach(m IN LISTS ARG_MODULES)
        list(APPEND pack_args --module "${m}")
    endforeach()
    if(ARG_WHOLE_LIBRARY)
        list(APPEND pack_args --whole-lib)
    endif()
    set(c "${CMAKE_CURRENT_BINARY_DIR}/${target}_app.c")
    set(outputs "${c}")
    if(GLUON_NATIVES_FROM_APPS)
        set(natives "${CMAKE_CURRENT_BINARY_DIR}/${target}_natives.txt")
        list(APPEND outputs "${natives}")
        list(APPEND pack_args --natives-out "${natives}")
        foreach(n IN LISTS GLUON_KEEP_NATIVES ARG_KEEP_NATIVES)
            list(APPEND pack_args --keep-native "${n}")
        endforeach()
    endif()
    add_custom_command(OUTPUT ${outputs}
        COMMAND "${GLUON_PYTHON}" "${GLUON_PACK}" ${pack_args} --c-modules "${c}" ${beams}
        DEPENDS ${beams} ${lib_beams} ${native_srcs} ${prune_deps} "${GLUON_PACK}"
        COMMENT "packing ${target}'s modules"
        VERBATIM)
    add_dependencies(${target} gluon_stdlib_beams)
    if(GLUON_NATIVES_FROM_APPS)
        # The VM is built after every app's list (cargo reads their union).
        add_custom_target(${target}_natives DEPENDS "${natives}")
        add_dependencies(${target}_natives gluon_stdlib_beams)
        add_dependencies(gluon_rtos_cargo ${target}_natives)
        add_dependencies(${target} ${target}_natives)
        set_property(TARGET gluon_rtos_cargo APPEND PROPERTY GLUON_NATIVE_LISTS "${natives}")
    endif()
    target_sources(${target} PRIVATE "${c}")
    target_include_directories(${target} PRIVATE "${GLUON_APP_INCLUDE}")
endfunction()
