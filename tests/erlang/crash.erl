%% Exit-path test: prints one line, then dies with an uncaught error.
%% Expected: stdout begins with "before crash", exit status is nonzero.
-module(crash).
-export([start/0]).

start() ->
    io:format("before crash~n"),
    erlang:error(boom).
