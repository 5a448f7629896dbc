%% Drivers on a platform that offers no files, sockets or peripherals.
-module(no_caps).
-export([start/0]).

start() ->
    io:format("~p~n", [file:read_file("x")]),
    io:format("~p~n", [file:list_dir(".")]),
    io:format("~p~n", [gen_tcp:listen(0, [])]),
    io:format("~p~n", [gen_udp:open(0)]),
    io:format("~p~n", [gpio:digital_write(1, high)]),
    io:format("~p~n", [i2c:read_bytes(i2c:open([]), 16#48, 2)]).
