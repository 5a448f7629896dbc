%% The smallest Gluon program on Zephyr: a greeting and a computed value.
-module(hello).
-export([start/0]).

start() ->
    io:format("Hello from Gluon on Zephyr!~n"),
    io:format("~p~n", [lists:map(fun(X) -> X * X end, lists:seq(1, 10))]).
