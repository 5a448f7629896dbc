%% A ring of 1000 processes passing a token 1,000,000 times in all
%% (1000 laps), the classic message-passing benchmark.
-module(ring).
-export([start/0]).

-define(PROCS, 1000).
-define(LAPS, 1000).

start() ->
    Self = self(),
    First = lists:foldl(fun(_, Next) -> spawn(fun() -> relay(Next) end) end,
                        Self, lists:seq(1, ?PROCS - 1)),
    Hops = lap(First, ?LAPS, 0),
    io:format("ring: ~w messages~n", [Hops]).

lap(_, 0, Hops) -> Hops;
lap(First, N, Hops) ->
    First ! {token, Hops},
    receive {token, H} -> lap(First, N - 1, H + 1) end.

relay(Next) ->
    receive {token, H} -> Next ! {token, H + 1}, relay(Next) end.
