%% file: whole-file and io-device reads and writes, directories, renames,
%% file info and OTP's error tuples, all inside a directory the program
%% creates and removes itself.
-module(drv_file).
-export([start/0]).

-include_lib("kernel/include/file.hrl").

start() ->
    Dir = "drv_file_tmp." ++ integer_to_list(erlang:unique_integer([positive])),
    ok = file:make_dir(Dir),
    try run(Dir) after cleanup(Dir) end.

run(Dir) ->
    F = Dir ++ "/a.txt",
    io:format("write ~p~n", [file:write_file(F, <<"hello\n">>)]),
    io:format("read ~p~n", [file:read_file(F)]),
    io:format("append ~p~n", [file:write_file(F, ["wor", $l, <<"d\n">>], [append])]),
    io:format("read ~p~n", [file:read_file(F)]),
    {ok, Info} = file:read_file_info(F),
    io:format("info ~p ~p ~p~n", [Info#file_info.size, Info#file_info.type,
                                  Info#file_info.access]),
    {ok, DInfo} = file:read_file_info(Dir),
    io:format("dir info ~p~n", [DInfo#file_info.type]),
    %% io-devices, list mode and binary mode
    {ok, Fd} = file:open(F, [read]),
    io:format("read 3 ~p~n", [file:read(Fd, 3)]),
    io:format("read 100 ~p~n", [file:read(Fd, 100)]),
    io:format("eof ~p~n", [file:read(Fd, 1)]),
    io:format("position ~p~n", [file:position(Fd, 6)]),
    io:format("read_line ~p~n", [file:read_line(Fd)]),
    io:format("read_line at eof ~p~n", [file:read_line(Fd)]),
    io:format("close ~p~n", [file:close(Fd)]),
    G = Dir ++ "/b.bin",
    {ok, W} = file:open(G, [write, binary]),
    io:format("write ~p~n", [file:write(W, [<<1, 2, 3>>, 4])]),
    io:format("format ~p~n", [io:format(W, "~p.~n", [{x, 1}])]),
    ok = file:close(W),
    {ok, R} = file:open(G, [read, binary]),
    io:format("binary read ~p~n", [file:read(R, 4)]),
    io:format("binary rest ~p~n", [file:read(R, 64)]),
    io:format("position eof ~p~n", [file:position(R, eof)]),
    io:format("position cur ~p~n", [file:position(R, {cur, -3})]),
    io:format("after seek ~p~n", [file:read(R, 10)]),
    ok = file:close(R),
    {ok, A} = file:open(G, [append]),
    ok = file:write(A, "more"),
    ok = file:close(A),
    io:format("appended ~p~n", [file:read_file(G)]),
    %% directories
    ok = file:make_dir(Dir ++ "/sub"),
    ok = file:write_file(Dir ++ "/sub/c", "c"),
    {ok, Names} = file:list_dir(Dir),
    io:format("list ~p~n", [lists:sort(Names)]),
    io:format("rename ~p~n", [file:rename(F, Dir ++ "/sub/moved")]),
    {ok, Sub} = file:list_dir(Dir ++ "/sub"),
    io:format("sub ~p~n", [lists:sort(Sub)]),
    io:format("binary name ~p~n", [file:read_file(list_to_binary(Dir ++ "/sub/c"))]),
    %% errors as OTP reports them
    io:format("missing ~p~n", [file:read_file(Dir ++ "/nope")]),
    io:format("dir as file ~p~n", [file:read_file(Dir)]),
    io:format("open missing ~p~n", [file:open(Dir ++ "/nope", [read])]),
    io:format("write into missing dir ~p~n", [file:write_file(Dir ++ "/no/x", "x")]),
    io:format("list missing ~p~n", [file:list_dir(Dir ++ "/nope")]),
    io:format("list file ~p~n", [file:list_dir(G)]),
    io:format("delete missing ~p~n", [file:delete(Dir ++ "/nope")]),
    io:format("delete dir ~p~n", [file:delete(Dir ++ "/sub")]),
    io:format("make existing ~p~n", [file:make_dir(Dir ++ "/sub")]),
    io:format("del_dir not empty ~p~n", [file:del_dir(Dir ++ "/sub")]),
    io:format("rename missing ~p~n", [file:rename(Dir ++ "/nope", Dir ++ "/x")]),
    io:format("info missing ~p~n", [file:read_file_info(Dir ++ "/nope")]),
    io:format("bad name ~p~n", [file:read_file(42)]),
    io:format("delete ~p~n", [file:delete(G)]),
    ok.

cleanup(Dir) ->
    {ok, Names} = file:list_dir(Dir),
    [begin
         P = Dir ++ "/" ++ N,
         case file:list_dir(P) of
             {ok, Sub} ->
                 [ok = file:delete(P ++ "/" ++ S) || S <- Sub],
                 ok = file:del_dir(P);
             _ -> ok = file:delete(P)
         end
     end || N <- Names],
    io:format("removed ~p~n", [file:del_dir(Dir)]).
