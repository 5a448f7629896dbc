%% Registered names: register/2, unregister/1, whereis/1, registered/0,
%% sending to names, and the badarg cases.
-module(proc_register).
-export([start/0]).

id(X) -> X.

down(Ref) ->
    receive
        {'DOWN', Ref, process, _, Reason} -> Reason
    after 2000 ->
        no_down
    end.

try_call(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:E -> {C, E}
    end.

%% only the names this test creates (the reference runtime has its own)
my_names() ->
    lists:sort([N || N <- registered(),
                     lists:prefix("preg_", atom_to_list(N))]).

%% a server that answers requests with its registered name
server() ->
    receive
        {who, From} ->
            {registered_name, Name} = process_info(self(), registered_name),
            From ! {iam, Name},
            server();
        {add, From, A, B} ->
            From ! {sum, A + B},
            server();
        stop ->
            ok
    end.

start() ->
    %% erl -eval runs start/0 in a process that traps exits; begin from the
    %% defaults of a freshly spawned process instead
    process_flag(trap_exit, false),
    io:format("initial names: ~p~n", [my_names()]),
    io:format("whereis unknown: ~p~n", [whereis(preg_nobody)]),

    S1 = spawn(fun server/0),
    S2 = spawn(fun server/0),
    io:format("register s1: ~p~n", [register(preg_alpha, S1)]),
    io:format("register s2: ~p~n", [register(preg_beta, S2)]),
    io:format("register self: ~p~n", [register(preg_main, self())]),
    io:format("names: ~p~n", [my_names()]),
    io:format("whereis alpha is s1: ~p~n", [whereis(preg_alpha) =:= S1]),
    io:format("whereis beta is s2: ~p~n", [whereis(preg_beta) =:= S2]),
    io:format("whereis main is self: ~p~n", [whereis(preg_main) =:= self()]),

    %% sending to a name
    preg_alpha ! {who, self()},
    receive {iam, N1} -> io:format("alpha says: ~p~n", [N1]) end,
    preg_beta ! {add, self(), 2, 3},
    receive {sum, Sum} -> io:format("beta sum: ~p~n", [Sum]) end,
    erlang:send(preg_beta, {who, self()}),
    receive {iam, N2} -> io:format("erlang:send to beta: ~p~n", [N2]) end,
    {preg_alpha, node()} ! {who, self()},
    receive {iam, N3} -> io:format("{Name, node()} send: ~p~n", [N3]) end,
    preg_main ! to_myself,
    receive to_myself -> io:format("sent to own name~n") end,
    %% the value of a send expression is the message
    SV = (preg_alpha ! {add, self(), 1, 1}),
    io:format("send value: ~p~n", [SV =:= {add, self(), 1, 1}]),
    receive {sum, 2} -> ok end,

    %% badarg cases
    io:format("send to unregistered name: ~p~n",
              [try_call(fun() -> id(preg_nobody) ! hello end)]),
    io:format("erlang:send to unregistered name: ~p~n",
              [try_call(fun() -> erlang:send(id(preg_nobody), hello) end)]),
    io:format("{unregistered, node()} send: ~p~n",
              [try_call(fun() -> {id(preg_nobody), node()} ! hello end)]),
    io:format("register taken name: ~p~n",
              [try_call(fun() -> register(preg_alpha, spawn(fun() -> ok end)) end)]),
    io:format("register same pid same name: ~p~n",
              [try_call(fun() -> register(preg_alpha, S1) end)]),
    io:format("register pid that has a name: ~p~n",
              [try_call(fun() -> register(preg_gamma, S1) end)]),
    io:format("register undefined: ~p~n",
              [try_call(fun() -> register(undefined, S2) end)]),
    io:format("register non-atom: ~p~n",
              [try_call(fun() -> register(id("preg_str"), S2) end)]),
    io:format("register non-pid: ~p~n",
              [try_call(fun() -> register(preg_delta, id(notapid)) end)]),
    io:format("unregister unknown: ~p~n",
              [try_call(fun() -> unregister(preg_nobody) end)]),
    io:format("whereis non-atom: ~p~n",
              [try_call(fun() -> whereis(id("preg_alpha")) end)]),
    io:format("names unchanged: ~p~n", [my_names()]),

    %% unregister, then the name is free again
    io:format("unregister alpha: ~p~n", [unregister(preg_alpha)]),
    io:format("whereis alpha: ~p~n", [whereis(preg_alpha)]),
    io:format("s1 name: ~p~n", [process_info(S1, registered_name)]),
    io:format("send to old name: ~p~n",
              [try_call(fun() -> id(preg_alpha) ! hello end)]),
    io:format("reuse name for s2? ~p~n",
              [try_call(fun() -> register(preg_alpha, S2) end)]),
    io:format("register s1 under new name: ~p~n", [register(preg_gamma, S1)]),
    preg_gamma ! {who, self()},
    receive {iam, N4} -> io:format("gamma says: ~p~n", [N4]) end,
    io:format("names: ~p~n", [my_names()]),
    io:format("unregister own name: ~p~n", [unregister(preg_main)]),
    io:format("own name: ~p~n", [process_info(self(), registered_name)]),

    %% a name disappears when its process exits
    MB = monitor(process, S2),
    preg_beta ! stop,
    io:format("beta down: ~p~n", [down(MB)]),
    io:format("whereis beta after exit: ~p~n", [whereis(preg_beta)]),
    io:format("send to dead name: ~p~n",
              [try_call(fun() -> id(preg_beta) ! hello end)]),
    io:format("register dead pid: ~p~n",
              [try_call(fun() -> register(preg_beta, S2) end)]),
    io:format("names: ~p~n", [my_names()]),

    %% a process registering itself and being found by others
    Self = self(),
    P = spawn(fun() ->
                      register(preg_self_reg, self()),
                      Self ! registered,
                      receive {from, F} -> F ! {reply, whereis(preg_self_reg) =:= self()} end
              end),
    receive registered -> ok end,
    io:format("self registered visible: ~p~n", [whereis(preg_self_reg) =:= P]),
    preg_self_reg ! {from, self()},
    receive {reply, R} -> io:format("self registered reply: ~p~n", [R]) end,
    MP = monitor(process, P),
    io:format("self registered down: ~p~n", [lists:member(down(MP), [normal, noproc])]),

    %% many names at once
    Ws = [begin
              W = spawn(fun server/0),
              Name = list_to_atom("preg_w" ++ integer_to_list(I)),
              true = register(Name, W),
              {Name, W}
          end || I <- lists:seq(1, 20)],
    io:format("many names: ~p~n", [length(my_names())]),
    [Name ! {add, self(), I, I} || {I, {Name, _}} <- lists:zip(lists:seq(1, 20), Ws)],
    Sums = [receive {sum, X} -> X end || _ <- Ws],
    %% replies come from different processes: their order is not fixed
    io:format("sums: ~p~n", [lists:sort(Sums)]),
    [begin M = monitor(process, W), W ! stop, down(M) end || {_, W} <- Ws],
    MS = monitor(process, S1),
    S1 ! stop,
    down(MS),
    io:format("final names: ~p~n", [my_names()]),
    io:format("done~n").
