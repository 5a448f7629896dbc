%% Preemption: a process in an endless loop does not stop the others.
-module(sched_fair).
-export([start/0]).

spin(N) -> spin(N + 1).

start() ->
    Spinner = spawn(fun() -> spin(0) end),
    Spinner2 = spawn(fun() -> spin(0) end),
    Me = self(),
    Workers = [spawn(fun() -> Me ! {done, I, lists:sum(lists:seq(1, 1000 * I))} end) || I <- lists:seq(1, 5)],
    Results = [receive {done, I, S} -> {I, S} end || I <- lists:seq(1, 5)],
    io:format("workers finished: ~p~n", [Results]),
    io:format("workers: ~p~n", [length(Workers)]),
    receive after 20 -> ok end,
    io:format("spinner alive: ~p~n", [is_process_alive(Spinner)]),
    Ref = monitor(process, Spinner),
    exit(Spinner, kill),
    io:format("spinner down: ~p~n", [receive {'DOWN', Ref, process, _, R} -> R end]),
    Ref2 = monitor(process, Spinner2),
    exit(Spinner2, stop),
    io:format("spinner2 down: ~p~n", [receive {'DOWN', Ref2, process, _, R2} -> R2 end]),
    ok.
