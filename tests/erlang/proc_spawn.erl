%% Process creation: spawn/1,3, funs capturing variables, spawn_link,
%% spawn_monitor, spawn_opt (link, monitor, priority), self/0,
%% is_process_alive/1 and processes/0.
-module(proc_spawn).
-export([start/0, worker/3, echo/0, undefined_target_helper/0]).

%% spawn/3 target: sends a reply built from its arguments
worker(Parent, A, B) ->
    Parent ! {self(), {worker, A, B, A + B}}.

%% a server answering pings until told to stop
echo() ->
    receive
        {ping, From, X} ->
            From ! {pong, self(), X},
            echo();
        stop ->
            ok
    end.

undefined_target_helper() -> ok.

%% wait for the 'DOWN' of one monitor and return its reason
down(Ref) ->
    receive
        {'DOWN', Ref, process, _, Reason} -> Reason
    after 2000 ->
        no_down
    end.

%% reason of a crashed process: {Reason, Stack} -> shows Reason and whether
%% Stack is a list
show_reason({R, Stack}) when is_list(Stack) -> {R, stack};
show_reason(R) -> R.

try_call(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:E -> {C, E}
    end.

start() ->
    %% erl -eval runs start/0 in a process that traps exits; begin from the
    %% defaults of a freshly spawned process instead
    process_flag(trap_exit, false),
    Self = self(),
    io:format("self is pid: ~p~n", [is_pid(Self)]),
    io:format("self stable: ~p~n", [Self =:= self()]),
    io:format("self alive: ~p~n", [is_process_alive(Self)]),
    io:format("self in processes(): ~p~n", [lists:member(Self, processes())]),

    %% spawn/1 with a fun capturing variables
    X = 20,
    Y = 22,
    L = [a, b, c],
    P1 = spawn(fun() -> Self ! {self(), {sum, X + Y, lists:reverse(L)}} end),
    io:format("spawn/1 returns pid: ~p~n", [is_pid(P1)]),
    io:format("spawned pid differs from self: ~p~n", [P1 =/= Self]),
    receive
        {P1, R1} -> io:format("spawn/1 reply: ~p~n", [R1])
    end,

    %% spawn/3
    P2 = spawn(?MODULE, worker, [Self, 3, 4]),
    receive
        {P2, R2} -> io:format("spawn/3 reply: ~p~n", [R2])
    end,

    %% a closure capturing a big term, and one capturing another fun
    Big = lists:seq(1, 1000),
    Double = fun(V) -> V * 2 end,
    P3 = spawn(fun() -> Self ! {self(), lists:sum(lists:map(Double, Big))} end),
    receive
        {P3, R3} -> io:format("closure with fun and big list: ~p~n", [R3])
    end,

    %% many spawns of the same fun, each with its own captured value
    Ps = [spawn(fun() -> Self ! {self(), N * N} end) || N <- lists:seq(1, 10)],
    Squares = [receive {P, Sq} -> Sq end || P <- Ps],
    io:format("squares in pid order: ~p~n", [Squares]),
    io:format("all distinct pids: ~p~n", [length(lists:usort(Ps)) =:= 10]),

    %% is_process_alive before and after death
    E1 = spawn(?MODULE, echo, []),
    io:format("echo alive: ~p~n", [is_process_alive(E1)]),
    io:format("echo in processes(): ~p~n", [lists:member(E1, processes())]),
    E1 ! {ping, Self, 1},
    receive
        {pong, E1, 1} -> io:format("echo answered~n")
    end,
    M1 = monitor(process, E1),
    E1 ! stop,
    io:format("echo stop down: ~p~n", [down(M1)]),
    io:format("echo alive after down: ~p~n", [is_process_alive(E1)]),

    %% spawn_link: the child exits normally, the parent is unaffected
    P4 = spawn_link(fun() -> Self ! {self(), linked_child_done} end),
    receive
        {P4, R4} -> io:format("spawn_link reply: ~p~n", [R4])
    end,
    %% the child may or may not have finished already: both are fine
    M4 = monitor(process, P4),
    D4 = down(M4),
    io:format("spawn_link child gone: ~p~n", [lists:member(D4, [normal, noproc])]),
    {links, Lk4} = process_info(self(), links),
    io:format("link to normally exited child dropped: ~p~n",
              [not lists:member(P4, Lk4)]),

    %% spawn_link/3
    P5 = spawn_link(?MODULE, worker, [Self, 10, 5]),
    receive
        {P5, R5} -> io:format("spawn_link/3 reply: ~p~n", [R5])
    end,

    %% spawn_monitor/1
    {P6, M6} = spawn_monitor(fun() -> exit(monitored_exit) end),
    io:format("spawn_monitor gives pid and ref: ~p ~p~n",
              [is_pid(P6), is_reference(M6)]),
    receive
        {'DOWN', M6, process, P6b, R6} ->
            io:format("spawn_monitor down: ~p same pid: ~p~n", [R6, P6b =:= P6])
    end,

    %% spawn_monitor/3 of an undefined function: undef in the child
    {P7, M7} = spawn_monitor(?MODULE, no_such_function, [1, 2]),
    io:format("spawn_monitor/3 pid: ~p~n", [is_pid(P7)]),
    io:format("undefined function down: ~p~n", [show_reason(down(M7))]),

    %% spawn_monitor/3 of an undefined module
    {_, M8} = spawn_monitor(no_such_module_xyz, f, []),
    io:format("undefined module down: ~p~n", [show_reason(down(M8))]),

    %% spawn_opt with monitor
    {P9, M9} = spawn_opt(fun() -> exit({opt, monitor}) end, [monitor]),
    io:format("spawn_opt monitor: ~p ~p~n", [is_pid(P9), down(M9)]),

    %% spawn_opt with link and monitor
    {P10, M10} = spawn_opt(fun() -> receive go -> Self ! {self(), went} end end,
                           [link, monitor]),
    {links, Lk10} = process_info(self(), links),
    io:format("spawn_opt link present: ~p~n", [lists:member(P10, Lk10)]),
    P10 ! go,
    receive
        {P10, R10} -> io:format("spawn_opt link+monitor reply: ~p~n", [R10])
    end,
    io:format("spawn_opt link+monitor down: ~p~n", [down(M10)]),

    %% spawn_opt with link only returns a plain pid
    P11 = spawn_opt(fun() -> Self ! {self(), only_link} end, [link]),
    io:format("spawn_opt link returns pid: ~p~n", [is_pid(P11)]),
    receive
        {P11, R11} -> io:format("spawn_opt link reply: ~p~n", [R11])
    end,

    %% spawn_opt with priority
    P12 = spawn_opt(fun() -> receive stop -> ok end end, [{priority, high}]),
    io:format("spawn_opt high priority: ~p~n", [process_info(P12, priority)]),
    P13 = spawn_opt(fun() -> receive stop -> ok end end, [{priority, low}]),
    io:format("spawn_opt low priority: ~p~n", [process_info(P13, priority)]),
    P14 = spawn(fun() -> receive stop -> ok end end),
    io:format("default priority: ~p~n", [process_info(P14, priority)]),
    [begin M = monitor(process, P), P ! stop, down(M) end || P <- [P12, P13, P14]],

    %% spawn_opt/4
    {P15, M15} = spawn_opt(?MODULE, worker, [Self, 1, 2], [monitor]),
    receive
        {P15, R15} -> io:format("spawn_opt/4 reply: ~p~n", [R15])
    end,
    io:format("spawn_opt/4 down: ~p~n", [down(M15)]),

    %% processes spawned by another process
    P16 = spawn(fun() ->
                        Inner = spawn(fun() -> Self ! {inner, 99} end),
                        Self ! {outer, is_pid(Inner)}
                end),
    io:format("nested spawn pid: ~p~n", [is_pid(P16)]),
    receive {outer, O16} -> io:format("outer: ~p~n", [O16]) end,
    receive {inner, I16} -> io:format("inner: ~p~n", [I16]) end,

    %% bad arguments to spawn
    io:format("spawn(notafun): ~p~n", [try_call(fun() -> spawn(id(notafun)) end)]),
    io:format("spawn/3 bad args: ~p~n",
              [try_call(fun() -> spawn(?MODULE, worker, id(notalist)) end)]),
    io:format("spawn/3 bad module: ~p~n",
              [try_call(fun() -> spawn(id("mod"), f, []) end)]),
    io:format("spawn_opt bad option: ~p~n",
              [try_call(fun() -> spawn_opt(fun() -> ok end, [id(bogus_option)]) end)]),

    %% spawn_monitor/1 rejects a fun of the wrong arity (badarg in the
    %% caller); through erlang:apply/2 it fails in the child instead
    %% (spawn/1 and spawn_link/1 of such a fun differ between releases)
    io:format("spawn_monitor(fun/1): ~p~n",
              [try_call(fun() -> spawn_monitor(id(fun(A) -> A end)) end)]),
    {_, M17} = spawn_monitor(erlang, apply, [id(fun(A) -> A end), []]),
    case down(M17) of
        {{badarity, {F17, Args17}}, St17} ->
            io:format("wrong arity fun down: badarity ~p ~p ~p~n",
                      [is_function(F17, 1), Args17, is_list(St17)]);
        Other17 ->
            io:format("wrong arity fun down: unexpected ~p~n", [Other17])
    end,
    {_, M18} = spawn_monitor(fun() -> ok end),
    io:format("spawn_monitor normal end: ~p~n", [down(M18)]),
    io:format("done~n").

id(X) -> X.
