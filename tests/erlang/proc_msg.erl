%% Message passing: order between a pair of processes, selective receive
%% with guards, after 0 / after N / after infinity, and the
%% make_ref() + receive {Ref, Reply} call pattern with a long mailbox.
-module(proc_msg).
-export([start/0]).

id(X) -> X.

flush() ->
    receive M -> [M | flush()] after 0 -> [] end.

%% a server answering {call, From, Ref, Req} with {Ref, Reply}
server() ->
    receive
        {call, From, Ref, {double, N}} ->
            From ! {Ref, N * 2},
            server();
        {call, From, Ref, {echo, T}} ->
            From ! {Ref, T},
            server();
        stop ->
            ok
    end.

call(S, Req) ->
    Ref = make_ref(),
    S ! {call, self(), Ref, Req},
    receive
        {Ref, Reply} -> Reply
    after 1000 ->
        timeout
    end.

start() ->
    %% erl -eval runs start/0 in a process that traps exits; begin from the
    %% defaults of a freshly spawned process instead
    process_flag(trap_exit, false),
    Self = self(),

    %% order between one pair of processes is preserved
    P1 = spawn(fun() -> [Self ! {seq, self(), N} || N <- lists:seq(1, 100)] end),
    Got = [receive {seq, P1, N} -> N end || _ <- lists:seq(1, 100)],
    io:format("pair order preserved: ~p~n", [Got =:= lists:seq(1, 100)]),
    io:format("first/last: ~p ~p~n", [hd(Got), lists:last(Got)]),

    %% messages to self are queued in order
    [self() ! {n, N} || N <- lists:seq(1, 5)],
    io:format("queue len: ~p~n", [process_info(self(), message_queue_len)]),
    io:format("self messages: ~p~n", [flush()]),

    %% selective receive: take the third message first, then the rest
    [self() ! {msg, N, N * 10} || N <- lists:seq(1, 5)],
    Third = receive {msg, N3, V3} when N3 =:= 3 -> {N3, V3} end,
    io:format("picked first: ~p~n", [Third]),
    io:format("rest in order: ~p~n", [flush()]),

    %% guards that only match later messages, with several clauses
    [self() ! M || M <- [apple, 7, "str", {tag, 1}, 3.5, <<"bin">>, [x], 100]],
    Big = receive I when is_integer(I), I > 50 -> {big_int, I} end,
    Bin = receive B when is_binary(B) -> {binary, B} end,
    Tup = receive {tag, T} -> {tagged, T}; X when is_float(X) -> {float, X} end,
    Flt = receive {tag, T2} -> {tagged, T2}; X2 when is_float(X2) -> {float, X2} end,
    io:format("guarded picks: ~p ~p ~p ~p~n", [Big, Bin, Tup, Flt]),
    io:format("left over: ~p~n", [flush()]),

    %% receive after 0
    R0 = receive anything -> got after 0 -> empty_timeout end,
    io:format("after 0 on empty mailbox: ~p~n", [R0]),
    self() ! something,
    R1 = receive something -> got_it after 0 -> timeout end,
    io:format("after 0 with matching message: ~p~n", [R1]),
    self() ! other,
    R2 = receive something -> got_it after 0 -> timeout end,
    io:format("after 0 with non-matching message: ~p~n", [R2]),
    io:format("non-matching message kept: ~p~n", [flush()]),

    %% receive after N on an empty mailbox
    T0 = erlang:monotonic_time(millisecond),
    R3 = receive never -> got after 20 -> timed_out end,
    T1 = erlang:monotonic_time(millisecond),
    io:format("after 20: ~p, waited at least 20 ms: ~p~n", [R3, T1 - T0 >= 20]),

    %% a message arriving later ends an infinite wait
    spawn(fun() -> receive after 10 -> Self ! {late, hello} end end),
    R4 = receive {late, L} -> L after infinity -> never end,
    io:format("after infinity got: ~p~n", [R4]),

    %% a message arriving before the timeout
    spawn(fun() -> receive after 5 -> Self ! quick end end),
    R5 = receive quick -> quick_arrived after 1000 -> too_slow end,
    io:format("message before timeout: ~p~n", [R5]),

    %% timeout given as a variable; 0 and infinity as values
    TO = id(0),
    R6 = receive nothing -> x after TO -> var_zero end,
    INF = id(infinity),
    self() ! wake,
    R7 = receive wake -> woke after INF -> never end,
    io:format("variable timeouts: ~p ~p~n", [R6, R7]),
    io:format("bad timeout: ~p~n",
              [try receive nothing -> x after id(-1) -> y end
               catch C:E -> {C, E} end]),

    %% the call pattern with a long queue of older messages
    S = spawn(fun server/0),
    [self() ! {junk, N} || N <- lists:seq(1, 5000)],
    io:format("queued junk: ~p~n", [process_info(self(), message_queue_len)]),
    Replies = [call(S, {double, N}) || N <- lists:seq(1, 50)],
    io:format("call replies sum: ~p~n", [lists:sum(Replies)]),
    io:format("echo call: ~p~n", [call(S, {echo, {a, "b", <<"c">>}})]),
    io:format("junk still queued: ~p~n", [process_info(self(), message_queue_len)]),
    Junk = flush(),
    io:format("junk in order: ~p~n",
              [Junk =:= [{junk, N} || N <- lists:seq(1, 5000)]]),

    %% a stale reply with an old ref is not taken by a new call
    OldRef = make_ref(),
    self() ! {OldRef, stale},
    io:format("new call ignores stale reply: ~p~n", [call(S, {double, 21})]),
    io:format("stale reply left: ~p~n",
              [receive {OldRef, W} -> W after 0 -> none end]),
    S ! stop,

    %% refs are unique
    Refs = [make_ref() || _ <- lists:seq(1, 1000)],
    io:format("unique refs: ~p~n", [length(lists:usort(Refs))]),

    %% sending large and nested terms copies them intact
    BigTerm = {lists:seq(1, 1000), list_to_binary(lists:duplicate(300, $z)),
               #{a => [1, 2], b => {x, y}}, "string", 1.5, -7,
               123456789012345678901234567890},
    P2 = spawn(fun() -> receive {From, Term} -> From ! {back, Term} end end),
    P2 ! {self(), BigTerm},
    receive {back, BT} -> io:format("big term round trip: ~p~n", [BT =:= BigTerm]) end,

    %% sending to a dead process is not an error
    {Dead, DRef} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', DRef, process, Dead, _} -> ok end,
    io:format("send to dead pid: ~p~n", [Dead ! hello]),

    %% ping-pong between two processes
    Pong = spawn(fun Loop() ->
                         receive
                             {ping, From, N} -> From ! {pong, N + 1}, Loop();
                             stop -> ok
                         end
                 end),
    Final = lists:foldl(fun(_, Acc) ->
                                Pong ! {ping, self(), Acc},
                                receive {pong, V} -> V end
                        end, 0, lists:seq(1, 1000)),
    Pong ! stop,
    io:format("ping-pong count: ~p~n", [Final]),

    %% two senders: each one's messages stay in order
    Sa = spawn(fun() -> [Self ! {a, N} || N <- lists:seq(1, 50)] end),
    Sb = spawn(fun() -> [Self ! {b, N} || N <- lists:seq(1, 50)] end),
    _ = {Sa, Sb},
    Mixed = [receive M -> M end || _ <- lists:seq(1, 100)],
    As = [N || {a, N} <- Mixed],
    Bs = [N || {b, N} <- Mixed],
    io:format("per-sender order: ~p ~p~n",
              [As =:= lists:seq(1, 50), Bs =:= lists:seq(1, 50)]),
    io:format("mailbox empty: ~p~n", [flush()]),
    io:format("done~n").
