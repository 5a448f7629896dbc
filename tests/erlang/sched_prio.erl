%% Priorities: when several processes are runnable, higher priorities run
%% first (max > high > normal; low runs when nothing else can).
-module(sched_prio).
-export([start/0]).

start() ->
    Me = self(),
    Spawn = fun(Name, Prio) -> spawn_opt(fun() -> Me ! Name end, [{priority, Prio}]) end,
    Spawn(normal1, normal),
    Spawn(low1, low),
    Spawn(high1, high),
    Spawn(normal2, normal),
    Spawn(max1, max),
    Order = [receive M -> M end || _ <- lists:seq(1, 5)],
    io:format("arrival order: ~p~n", [Order]),
    io:format("old priority: ~p~n", [process_flag(priority, high)]),
    io:format("new priority: ~p~n", [process_info(self(), priority)]),
    process_flag(priority, normal),
    io:format("bad priority: ~p~n", [try process_flag(priority, urgent) catch C:R -> {C, R} end]),
    ok.
