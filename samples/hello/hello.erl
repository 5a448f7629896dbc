%% The smallest Gluon program: prints a greeting and a computed value.
-module(hello).
-export([start/0]).

start() ->
    io:format("Hello from Gluon!~n"),
    io:format("~p~n", [lists:map(fun(X) -> X * X end, lists:seq(1, 10))]).
