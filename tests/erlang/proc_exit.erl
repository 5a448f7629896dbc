%% Process termination: exit/1, exit/2 with normal, kill and custom reasons,
%% signals to self, trap_exit, errors and throws escaping a process.
-module(proc_exit).
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

%% run F in a monitored process, return its exit reason
run(F) ->
    {_, Ref} = spawn_monitor(F),
    show_reason(down(Ref)).

%% a process that reports every message it gets to Parent, until stop
reporter(Parent, Trap) ->
    spawn(fun() ->
                  process_flag(trap_exit, Trap),
                  Parent ! {ready, self()},
                  reporter_loop(Parent)
          end).

reporter_loop(Parent) ->
    receive
        stop ->
            exit(stopped);
        {sync, From} ->
            From ! {synced, self()},
            reporter_loop(Parent);
        {'EXIT', From, Why} ->
            Parent ! {got_exit, From =:= Parent, Why},
            reporter_loop(Parent);
        Other ->
            Parent ! {got, Other},
            reporter_loop(Parent)
    end.

new_reporter(Trap) ->
    P = reporter(self(), Trap),
    receive {ready, P} -> ok end,
    M = monitor(process, P),
    {P, M}.

%% make sure P has handled everything sent to it so far
sync(P) ->
    P ! {sync, self()},
    receive {synced, P} -> ok after 1000 -> timeout end.

flush_reports() ->
    receive
        {got_exit, _, _} = G -> [G | flush_reports()];
        {got, _} = G -> [G | flush_reports()]
    after 0 -> []
    end.

start() ->
    %% erl -eval runs start/0 in a process that traps exits; begin from the
    %% defaults of a freshly spawned process instead
    process_flag(trap_exit, false),
    %% exit/1 in a spawned process
    io:format("exit(normal): ~p~n", [run(fun() -> exit(normal) end)]),
    io:format("exit(atom): ~p~n", [run(fun() -> exit(custom) end)]),
    io:format("exit(tuple): ~p~n", [run(fun() -> exit({shutdown, because}) end)]),
    io:format("exit(list): ~p~n", [run(fun() -> exit([1, 2, 3]) end)]),
    io:format("exit(int): ~p~n", [run(fun() -> exit(42) end)]),
    io:format("exit(kill) as own reason: ~p~n", [run(fun() -> exit(kill) end)]),
    io:format("return normally: ~p~n", [run(fun() -> done end)]),
    %% errors and throws escaping the process
    io:format("error(badarg): ~p~n", [run(fun() -> error(badarg) end)]),
    io:format("error(custom): ~p~n", [run(fun() -> error({my, error}) end)]),
    io:format("badmatch: ~p~n", [run(fun() -> 1 = id(2) end)]),
    io:format("badarith: ~p~n", [run(fun() -> 1 / id(0) end)]),
    io:format("uncaught throw: ~p~n", [run(fun() -> throw(ball) end)]),
    %% exit caught inside the process does not end it
    io:format("caught exit: ~p~n",
              [run(fun() ->
                           R = try exit(inner) catch exit:X -> X end,
                           exit({after_catch, R})
                   end)]),

    %% exit/2 on a non-trapping process
    {A1, MA1} = new_reporter(false),
    io:format("exit(P, normal) returns: ~p~n", [exit(A1, normal)]),
    io:format("sync after exit normal: ~p~n", [sync(A1)]),
    io:format("alive after exit(P, normal): ~p~n", [is_process_alive(A1)]),
    io:format("exit(P, custom) returns: ~p~n", [exit(A1, custom_reason)]),
    io:format("down after exit(P, custom): ~p~n", [down(MA1)]),
    io:format("alive after custom exit: ~p~n", [is_process_alive(A1)]),

    {A2, MA2} = new_reporter(false),
    exit(A2, kill),
    io:format("down after exit(P, kill): ~p~n", [down(MA2)]),

    {A3, MA3} = new_reporter(false),
    exit(A3, {tuple, reason, [1]}),
    io:format("down after exit(P, tuple): ~p~n", [down(MA3)]),

    %% exit/2 on a trapping process: signals become messages, except kill
    {B1, MB1} = new_reporter(true),
    exit(B1, normal),
    exit(B1, custom_reason),
    exit(B1, {shutdown, x}),
    sync(B1),
    io:format("trapping process got: ~p~n", [flush_reports()]),
    io:format("trapping process alive: ~p~n", [is_process_alive(B1)]),
    B1 ! hello,
    sync(B1),
    io:format("plain message: ~p~n", [flush_reports()]),
    exit(B1, kill),
    io:format("trapping process down after kill: ~p~n", [down(MB1)]),
    io:format("no exit message for kill: ~p~n", [flush_reports()]),

    %% exit/2 on a dead process is fine
    io:format("exit(dead, foo): ~p~n", [exit(B1, foo)]),
    io:format("exit(dead, kill): ~p~n", [exit(B1, kill)]),
    io:format("exit(notpid, foo): ~p~n",
              [try exit(id(notpid), foo) catch C1:E1 -> {C1, E1} end]),

    %% signals to self
    io:format("exit(self(), normal) untrapped: ~p~n",
              [run(fun() -> exit(self(), normal), receive after 100 -> survived end end)]),
    io:format("exit(self(), custom) untrapped: ~p~n",
              [run(fun() -> exit(self(), my_reason), receive after 100 -> survived end end)]),
    io:format("exit(self(), kill) untrapped: ~p~n",
              [run(fun() -> exit(self(), kill), receive after 100 -> survived end end)]),
    io:format("exit(self(), kill) trapped: ~p~n",
              [run(fun() ->
                           process_flag(trap_exit, true),
                           exit(self(), kill),
                           receive after 100 -> survived end
                   end)]),
    io:format("exit(self(), normal) trapped: ~p~n",
              [run(fun() ->
                           process_flag(trap_exit, true),
                           exit(self(), normal),
                           receive
                               {'EXIT', From, R} -> exit({got, From =:= self(), R})
                           after 1000 -> exit(nothing)
                           end
                   end)]),
    io:format("exit(self(), custom) trapped: ~p~n",
              [run(fun() ->
                           process_flag(trap_exit, true),
                           exit(self(), custom),
                           receive
                               {'EXIT', From, R} -> exit({got, From =:= self(), R})
                           after 1000 -> exit(nothing)
                           end
                   end)]),

    %% process_flag(trap_exit, ...) returns the previous value
    io:format("spawned process trap_exit default: ~p~n",
              [run(fun() -> exit({was, process_flag(trap_exit, true),
                                  process_info(self(), trap_exit)})
                   end)]),
    io:format("trap_exit flag sequence: ~p~n",
              [[process_flag(trap_exit, true),
                process_flag(trap_exit, true),
                process_flag(trap_exit, false),
                process_flag(trap_exit, false)]]),
    io:format("trap_exit info: ~p~n", [process_info(self(), trap_exit)]),
    io:format("bad trap_exit value: ~p~n",
              [try process_flag(trap_exit, id(perhaps)) catch C2:E2 -> {C2, E2} end]),

    %% a process killing another one that is blocked forever
    {V1, MV1} = spawn_monitor(fun() -> receive after infinity -> ok end end),
    Killer = spawn(fun() -> exit(V1, {killed_by, killer}) end),
    io:format("killer pid: ~p~n", [is_pid(Killer)]),
    io:format("victim down: ~p~n", [down(MV1)]),

    %% exit/1 with a big reason term
    Big = lists:seq(1, 200),
    io:format("big reason sum: ~p~n",
              [case run(fun() -> exit({big, Big, length(Big)}) end) of
                   {big, L, N} -> {lists:sum(L), N};
                   Other -> Other
               end]),
    io:format("done~n").
