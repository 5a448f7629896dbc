# gluon_add_app(<target> <module.erl>...): compiles the Erlang modules with
# erlc when the firmware is built and links into <target> their .beam images
# as const arrays (in flash) with
#
#   gluon_status gluon_app_add(gluon_vm *vm);  /* each loads on first use */
#   extern const char gluon_app_start[];       /* the first module's name */
#
# (declared in gluon_app.h). Modules are loaded in place: only the VM's
# translated code and the module's tables go to RAM.
find_program(GLUON_ERLC erlc REQUIRED)
set(GLUON_APP_EMBED "${CMAKE_CURRENT_LIST_DIR}/gluon_embed.cmake" CACHE INTERNAL "")
set(GLUON_APP_INCLUDE "${CMAKE_CURRENT_LIST_DIR}/../include" CACHE INTERNAL "")

function(gluon_add_app target)
    set(dir "${CMAKE_CURRENT_BINARY_DIR}/${target}_beams")
    set(beams "")
    foreach(src IN LISTS ARGN)
        get_filename_component(src "${src}" ABSOLUTE)
        get_filename_component(name "${src}" NAME_WE)
        add_custom_command(OUTPUT "${dir}/${name}.beam"
            COMMAND "${CMAKE_COMMAND}" -E make_directory "${dir}"
            COMMAND "${GLUON_ERLC}" -o "${dir}" "${src}"
            DEPENDS "${src}"
            COMMENT "erlc ${name}.erl")
        list(APPEND beams "${dir}/${name}.beam")
    endforeach()
    set(c "${CMAKE_CURRENT_BINARY_DIR}/${target}_app.c")
    # A list cannot cross the command line: "|" separates the files.
    string(REPLACE ";" "|" beam_args "${beams}")
    add_custom_command(OUTPUT "${c}"
        COMMAND "${CMAKE_COMMAND}" "-DOUT=${c}" "-DBEAMS=${beam_args}" -P "${GLUON_APP_EMBED}"
        DEPENDS ${beams} "${GLUON_APP_EMBED}"
        COMMENT "embedding ${target}'s modules"
        VERBATIM)
    target_sources(${target} PRIVATE "${c}")
    target_include_directories(${target} PRIVATE "${GLUON_APP_INCLUDE}")
endfunction()
