%% Links: crash propagation, trap_exit, kill/killed, normal exits,
%% a chain of 50 linked processes, unlink, link/1 corner cases.
-module(proc_link).
-export([start/0]).

id(X) -> X.

down(Ref) ->
    receive
        {'DOWN', Ref, process, _, Reason} -> Reason
    after 2000 ->
        no_down
    end.

show_reason({R, Stack}) when is_list(Stack) -> {R, stack};
show_reason(R) -> R.

%% a process that obeys commands from the main process and reports every
%% 'EXIT' message it receives
agent(Trap) ->
    Main = self(),
    P = spawn(fun() ->
                      process_flag(trap_exit, Trap),
                      Main ! {ready, self()},
                      agent_loop(Main)
              end),
    receive {ready, P} -> ok end,
    {P, monitor(process, P)}.

agent_loop(Main) ->
    receive
        {link, To} ->
            Main ! {linked, self(), link(To)},
            agent_loop(Main);
        {unlink, To} ->
            Main ! {unlinked, self(), unlink(To)},
            agent_loop(Main);
        {'EXIT', From, Reason} ->
            Main ! {exit_msg, self(), From, show_reason(Reason)},
            agent_loop(Main);
        {sync, From} ->
            From ! {synced, self()},
            agent_loop(Main);
        {crash, Reason} ->
            exit(Reason);
        crash_badarith ->
            _ = 1 / id(0),
            agent_loop(Main);
        stop ->
            ok
    end.

do_link(A, B) ->
    A ! {link, B},
    receive {linked, A, R} -> R end.

do_unlink(A, B) ->
    A ! {unlink, B},
    receive {unlinked, A, R} -> R end.

sync(P) ->
    P ! {sync, self()},
    receive {synced, P} -> ok after 1000 -> timeout end.

%% the exit message P reported, with the sender mapped to a name
exit_msg(P, Names) ->
    receive
        {exit_msg, P, From, Reason} -> {proplists:get_value(From, Names, other), Reason}
    after 1000 ->
        none
    end.

no_more_reports() ->
    receive
        {exit_msg, _, _, _} = M -> {unexpected, M}
    after 0 -> none
    end.

links_of(P, Names) ->
    case process_info(P, links) of
        {links, L} -> lists:sort([proplists:get_value(X, Names, other) || X <- L]);
        undefined -> dead
    end.

start() ->
    %% erl -eval runs start/0 in a process that traps exits; begin from the
    %% defaults of a freshly spawned process instead
    process_flag(trap_exit, false),
    %% 1. a crash kills a non-trapping linked partner with the same reason
    {A1, MA1} = agent(false),
    {B1, MB1} = agent(false),
    N1 = [{A1, a}, {B1, b}],
    io:format("link: ~p~n", [do_link(B1, A1)]),
    io:format("links a: ~p b: ~p~n", [links_of(A1, N1), links_of(B1, N1)]),
    B1 ! {crash, boom},
    io:format("b down: ~p~n", [down(MB1)]),
    io:format("a down: ~p~n", [down(MA1)]),

    %% 2. a runtime error propagates as {Reason, Stack}
    {A2, MA2} = agent(false),
    {B2, MB2} = agent(false),
    do_link(A2, B2),
    B2 ! crash_badarith,
    io:format("b down: ~p~n", [show_reason(down(MB2))]),
    io:format("a down: ~p~n", [show_reason(down(MA2))]),

    %% 3. trap_exit turns the signal into a message
    {A3, MA3} = agent(true),
    {B3, MB3} = agent(false),
    N3 = [{A3, a}, {B3, b}],
    do_link(A3, B3),
    B3 ! {crash, {custom, 1}},
    io:format("b down: ~p~n", [down(MB3)]),
    io:format("a got: ~p~n", [exit_msg(A3, N3)]),
    io:format("a alive: ~p, links: ~p~n", [is_process_alive(A3), links_of(A3, N3)]),
    {B3b, MB3b} = agent(false),
    N3b = [{B3b, b2} | N3],
    do_link(A3, B3b),
    B3b ! crash_badarith,
    down(MB3b),
    io:format("a got: ~p~n", [exit_msg(A3, N3b)]),

    %% 4. normal exits do not kill linked processes, trapping ones see them
    {B4, MB4} = agent(false),
    N4 = [{A3, a}, {B4, b}],
    {C4, MC4} = agent(false),
    do_link(A3, B4),
    do_link(C4, B4),
    B4 ! stop,
    io:format("b down: ~p~n", [down(MB4)]),
    io:format("trapping a got: ~p~n", [exit_msg(A3, N4)]),
    io:format("non-trapping c sync: ~p alive: ~p~n", [sync(C4), is_process_alive(C4)]),
    %% exit(P, normal) from a linked process does nothing either
    {B4b, MB4b} = agent(false),
    do_link(C4, B4b),
    B4b ! {crash, normal},
    io:format("b exit(normal) down: ~p~n", [down(MB4b)]),
    io:format("c still alive: ~p ~p~n", [sync(C4), is_process_alive(C4)]),

    %% 5. kill is untrappable; linked processes see killed
    {T5, MT5} = agent(true),
    {W5, MW5} = agent(true),
    {X5, MX5} = agent(false),
    N5 = [{T5, t}, {W5, w}, {X5, x}],
    do_link(W5, T5),
    do_link(X5, T5),
    exit(T5, kill),
    io:format("trapping target down: ~p~n", [down(MT5)]),
    io:format("trapping watcher got: ~p~n", [exit_msg(W5, N5)]),
    io:format("non-trapping partner down: ~p~n", [down(MX5)]),

    %% 6. exiting with reason kill is not a kill signal: partners see kill
    {Y6, MY6} = agent(false),
    N6 = [{Y6, y}, {W5, w}],
    {Z6, MZ6} = agent(false),
    do_link(W5, Y6),
    do_link(Z6, Y6),
    Y6 ! {crash, kill},
    io:format("exit(kill) down: ~p~n", [down(MY6)]),
    io:format("trapping watcher got: ~p~n", [exit_msg(W5, N6)]),
    io:format("non-trapping partner down: ~p~n", [down(MZ6)]),

    %% 7. unlink prevents propagation
    {A7, MA7} = agent(false),
    {B7, MB7} = agent(false),
    N7 = [{A7, a}, {B7, b}, {W5, w}],
    do_link(A7, B7),
    do_link(W5, B7),
    io:format("links b: ~p~n", [links_of(B7, N7)]),
    io:format("unlink: ~p~n", [do_unlink(A7, B7)]),
    io:format("unlink again: ~p~n", [do_unlink(A7, B7)]),
    io:format("unlink from trapping w: ~p~n", [do_unlink(W5, B7)]),
    io:format("links a: ~p b: ~p~n", [links_of(A7, N7), links_of(B7, N7)]),
    B7 ! {crash, unlinked_crash},
    io:format("b down: ~p~n", [down(MB7)]),
    io:format("a survives: ~p ~p~n", [sync(A7), is_process_alive(A7)]),
    io:format("w got nothing: ~p ~p~n", [sync(W5), no_more_reports()]),

    %% 8. link/1 corner cases
    io:format("link twice: ~p ~p~n", [do_link(A7, W5), do_link(A7, W5)]),
    io:format("links a: ~p~n", [links_of(A7, [{W5, w}])]),
    io:format("link to self: ~p~n", [do_link(A7, A7)]),
    io:format("links a: ~p~n", [links_of(A7, [{W5, w}])]),
    io:format("unlink self: ~p~n", [do_unlink(A7, A7)]),
    do_unlink(A7, W5),
    io:format("link non-pid: ~p~n",
              [try link(id(notapid)) catch C8:E8 -> {C8, E8} end]),
    io:format("unlink non-pid: ~p~n",
              [try unlink(id(notapid)) catch C9:E9 -> {C9, E9} end]),
    %% link to a dead process: noproc error without trap_exit, an 'EXIT'
    %% message with it
    io:format("unlink dead: ~p~n", [unlink(B7)]),
    io:format("link dead, not trapping: ~p~n",
              [try link(B7) catch C10:E10 -> {C10, E10} end]),
    io:format("link dead, trapping: ~p~n", [do_link(W5, B7)]),
    io:format("trapping got: ~p~n", [exit_msg(W5, [{B7, b}])]),

    %% 9. the main process traps exits of its own spawn_link children
    process_flag(trap_exit, true),
    K1 = spawn_link(fun() -> exit(child_reason) end),
    receive {'EXIT', K1, R91} -> io:format("main got exit: ~p~n", [R91]) end,
    K2 = spawn_link(fun() -> ok end),
    receive {'EXIT', K2, R92} -> io:format("main got exit: ~p~n", [R92]) end,
    K3 = spawn_link(fun() -> element(id(5), {a}) end),
    receive {'EXIT', K3, R93} -> io:format("main got exit: ~p~n", [show_reason(R93)]) end,
    K4 = spawn_link(fun() -> receive after infinity -> ok end end),
    exit(K4, kill),
    receive {'EXIT', K4, R94} -> io:format("main got exit: ~p~n", [R94]) end,
    K5 = spawn_link(fun() -> receive after infinity -> ok end end),
    exit(K5, shutdown),
    receive {'EXIT', K5, R95} -> io:format("main got exit: ~p~n", [R95]) end,
    process_flag(trap_exit, false),

    %% 10. a chain of 50 linked processes: all die when the end one crashes
    Main = self(),
    First = spawn(fun() -> chain(Main, 50) end),
    Chain = [receive {chain_member, I, P} -> {I, P} end || I <- lists:seq(50, 1, -1)],
    io:format("chain built: ~p first ok: ~p~n",
              [length(Chain), proplists:get_value(50, Chain) =:= First]),
    Mons = [{monitor(process, P), I} || {I, P} <- Chain],
    {_, Last} = lists:keyfind(1, 1, Chain),
    Last ! crash,
    Downs = [receive {'DOWN', R, process, _, Why} -> {I, Why} end || {R, I} <- Mons],
    io:format("chain downs: ~p~n", [length(Downs)]),
    io:format("chain reasons: ~p~n", [lists:usort([W || {_, W} <- Downs])]),
    io:format("none alive: ~p~n",
              [lists:all(fun({_, P}) -> not is_process_alive(P) end, Chain)]),

    %% 11. a chain where the middle member traps exits stops the spread
    First2 = spawn(fun() -> chain2(Main, 10) end),
    Chain2 = [receive {chain_member, I, P} -> {I, P} end || I <- lists:seq(10, 1, -1)],
    _ = First2,
    Mons2 = [{monitor(process, P), I} || {I, P} <- Chain2],
    {_, Last2} = lists:keyfind(1, 1, Chain2),
    Last2 ! crash,
    receive {trapped, I11, Why11} -> io:format("member ~p trapped: ~p~n", [I11, Why11]) end,
    Dead2 = [I || {R, I} <- Mons2, I =< 5, down(R) =:= chain_broken],
    io:format("dead members: ~p~n", [Dead2]),
    Alive2 = [I || {I, P} <- Chain2, is_process_alive(P)],
    io:format("alive members: ~p~n", [Alive2]),
    [exit(P, kill) || {I, P} <- Chain2, I > 5],
    [down(R) || {R, I} <- Mons2, I > 5],

    [begin P ! stop, down(M) end || {P, M} <- [{A3, MA3}, {C4, MC4}, {W5, MW5}, {A7, MA7}]],
    io:format("done~n").

%% member N of a chain: spawns and links member N-1, then waits; member 1
%% crashes on request
chain(Main, 1) ->
    Main ! {chain_member, 1, self()},
    receive crash -> exit(chain_broken) end;
chain(Main, N) ->
    Main ! {chain_member, N, self()},
    spawn_link(fun() -> chain(Main, N - 1) end),
    receive after infinity -> ok end.

%% like chain/2, but member 6 traps exits and reports what it got
chain2(Main, 1) ->
    Main ! {chain_member, 1, self()},
    receive crash -> exit(chain_broken) end;
chain2(Main, 6) ->
    process_flag(trap_exit, true),
    Main ! {chain_member, 6, self()},
    spawn_link(fun() -> chain2(Main, 5) end),
    receive {'EXIT', _, Why} -> Main ! {trapped, 6, Why} end,
    receive after infinity -> ok end;
chain2(Main, N) ->
    Main ! {chain_member, N, self()},
    spawn_link(fun() -> chain2(Main, N - 1) end),
    receive after infinity -> ok end.
