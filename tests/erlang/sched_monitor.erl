%% Monitors: 'DOWN' reasons, noproc, monitors by registered name,
%% demonitor with flush and info, spawn/2,4 on the local node.
-module(sched_monitor).
-export([start/0, wait/0]).

wait() -> receive {exit, R} -> exit(R); stop -> ok end.

down(Ref) ->
    receive {'DOWN', Ref, process, Obj, R} -> {obj(Obj), R} after 500 -> no_down end.

obj(P) when is_pid(P) -> pid;
obj({Name, Node}) -> {Name, Node =:= node()}.

start() ->
    P1 = spawn(?MODULE, wait, []),
    R1 = monitor(process, P1),
    P1 ! stop,
    io:format("normal: ~p~n", [down(R1)]),
    P2 = spawn(fun wait/0),
    R2 = monitor(process, P2),
    P2 ! {exit, {custom, 1}},
    io:format("custom: ~p~n", [down(R2)]),
    io:format("noproc: ~p~n", [down(monitor(process, P1))]),
    register(sched_monitor_named, spawn(fun wait/0)),
    R3 = monitor(process, sched_monitor_named),
    sched_monitor_named ! {exit, bye},
    io:format("by name: ~p~n", [down(R3)]),
    io:format("unknown name: ~p~n", [down(monitor(process, sched_monitor_nobody))]),
    io:format("by {name, node}: ~p~n", [down(monitor(process, {sched_monitor_nobody, node()}))]),
    P4 = spawn(fun wait/0),
    R4 = monitor(process, P4),
    P4 ! {exit, gone},
    receive after 20 -> ok end,
    io:format("queued before flush: ~p~n", [element(2, process_info(self(), message_queue_len))]),
    io:format("demonitor flush: ~p~n", [demonitor(R4, [flush])]),
    io:format("queued after flush: ~p~n", [element(2, process_info(self(), message_queue_len))]),
    P5 = spawn(fun wait/0),
    R5 = monitor(process, P5),
    io:format("demonitor info (active): ~p~n", [demonitor(R5, [info])]),
    io:format("demonitor info (again): ~p~n", [demonitor(R5, [info])]),
    P5 ! {exit, quiet},
    io:format("after demonitor: ~p~n", [receive {'DOWN', R5, _, _, _} -> got_down after 30 -> no_down end]),
    io:format("demonitor/1: ~p~n", [demonitor(make_ref())]),
    P6 = spawn(node(), fun wait/0),
    P7 = spawn(node(), ?MODULE, wait, []),
    io:format("spawn/2,4 local: ~p ~p~n", [is_pid(P6), is_pid(P7)]),
    P6 ! stop, P7 ! stop,
    Many = [spawn(fun wait/0) || _ <- lists:seq(1, 100)],
    Refs = [monitor(process, P) || P <- Many],
    [P ! {exit, {n, I}} || {P, I} <- lists:zip(Many, lists:seq(1, 100))],
    io:format("100 downs in order: ~p~n", [[R || {_, R} <- [down(Ref) || Ref <- Refs]] =:= [{n, I} || I <- lists:seq(1, 100)]]),
    ok.
