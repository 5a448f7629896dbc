%% Erlang's file module on a Zephyr file system: ext2 on a RAM disk,
%% mounted at /ram by src/main.c. Relative names are taken from /ram
%% (CONFIG_GLUON_FILES_CWD).
-module(files).
-export([start/0]).

start() ->
    ok = file:write_file("log.txt", <<"boot 1\n">>),
    ok = file:write_file("log.txt", ["boot ", integer_to_list(2), $\n], [append]),
    {ok, Log} = file:read_file("/ram/log.txt"),
    io:format("files: read back ~p~n", [Log]),
    {ok, F} = file:open("log.txt", [read, binary]),
    {ok, Line1} = file:read_line(F),
    {ok, 7} = file:position(F, {cur, 0}),
    {ok, Line2} = file:read_line(F),
    eof = file:read_line(F),
    ok = file:close(F),
    io:format("files: lines ~p ~p~n", [Line1, Line2]),
    ok = file:make_dir("data"),
    ok = file:write_file("data/reading.bin", term_to_binary({reading, 3, 21})),
    {ok, Bin} = file:read_file("data/reading.bin"),
    io:format("files: term ~p~n", [binary_to_term(Bin)]),
    {ok, Names} = file:list_dir("/ram"),
    io:format("files: /ram holds ~p~n", [lists:sort(Names)]),
    {ok, Info} = file:read_file_info("log.txt"),
    io:format("files: log.txt is ~p, ~p bytes~n", [element(3, Info), element(2, Info)]),
    io:format("files: missing ~p~n", [file:read_file("nope.txt")]),
    io:format("files: del_dir of a full directory ~p~n", [file:del_dir("data")]),
    ok = file:rename("data/reading.bin", "reading.bin"),
    ok = file:del_dir("data"),
    ok = file:delete("log.txt"),
    {ok, After} = file:list_dir("/ram"),
    io:format("files: after cleaning ~p~n", [lists:sort(After)]),
    io:format("files: done~n").
