%% Benchmark: call-heavy integer recursion.
-module(fib).
-export([start/0]).

start() ->
    io:format("fib(30) = ~w~n", [fib(30)]).

fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).
