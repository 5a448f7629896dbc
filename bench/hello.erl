%% Benchmark: start-up cost; does nothing but print.
-module(hello).
-export([start/0]).

start() ->
    io:format("hello world~n").
