%% The drivers over the capability groups of a C platform (tests/c/caps_test.c):
%% an in-memory file system, a loopback network, four GPIO pins. Entries the
%% C tables leave NULL answer {error, enotsup}.
-module(caps).
-export([start/0]).

start() ->
    files(),
    sockets(),
    pins().

files() ->
    ok = file:write_file("/notes.txt", <<"hello">>),
    ok = file:write_file("/notes.txt", [" ", "world\n"], [append]),
    io:format("read_file ~p~n", [file:read_file("/notes.txt")]),
    {ok, F} = file:open("/notes.txt", [read, binary]),
    io:format("read ~p~n", [file:read(F, 5)]),
    io:format("position ~p~n", [file:position(F, {cur, 1})]),
    io:format("read_line ~p~n", [file:read_line(F)]),
    io:format("at eof ~p~n", [file:read(F, 1)]),
    ok = file:close(F),
    ok = file:write_file("/b.bin", <<1, 2, 3>>),
    {ok, Names} = file:list_dir("/"),
    io:format("list_dir ~p~n", [lists:sort(Names)]),
    io:format("info ~w~n", [element(2, file:read_file_info("/b.bin"))]),
    io:format("missing ~p~n", [file:read_file("/nope")]),
    io:format("delete ~p ~p~n", [file:delete("/b.bin"), file:read_file("/b.bin")]),
    io:format("make_dir ~p~n", [file:make_dir("/d")]).

sockets() ->
    {ok, L} = gen_tcp:listen(7000, [binary, {active, false}]),
    {ok, Port} = inet:port(L),
    Self = self(),
    spawn(fun() -> client(Self, Port) end),
    {ok, S} = gen_tcp:accept(L),
    {ok, Msg} = gen_tcp:recv(S, 0, 1000),
    ok = gen_tcp:send(S, [<<"echo: ">>, Msg]),
    receive {client, Reply} -> io:format("tcp ~p on ~p~n", [Reply, Port]) end,
    io:format("after close ~p~n", [gen_tcp:recv(S, 0, 1000)]),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(L),
    io:format("udp ~p~n", [gen_udp:open(0)]).

client(Parent, Port) ->
    {ok, C} = gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, true}]),
    ok = gen_tcp:send(C, <<"ping">>),
    receive {tcp, C, Data} -> Parent ! {client, Data} end,
    gen_tcp:close(C).

pins() ->
    ok = gpio:set_pin_mode(2, output),
    ok = gpio:digital_write(2, high),
    io:format("pin 2 ~p~n", [gpio:digital_read(2)]),
    ok = gpio:digital_write(2, low),
    io:format("pin 2 ~p~n", [gpio:digital_read(2)]),
    io:format("pin 9 ~p~n", [gpio:digital_write(9, high)]),
    io:format("i2c ~p~n", [i2c:read_bytes(i2c:open([]), 16#48, 2)]).
