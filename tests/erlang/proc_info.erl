%% process_info/1,2 on a process blocked in receive, and the process
%% dictionary of spawned processes.
-module(proc_info).
-export([start/0]).

down(Ref) ->
    receive
        {'DOWN', Ref, process, _, Reason} -> Reason
    after 2000 ->
        no_down
    end.

%% poll until P is blocked in receive (it may still be runnable right after
%% we sent it something)
wait_waiting(P) -> wait_waiting(P, 200).

wait_waiting(_, 0) -> gave_up;
wait_waiting(P, N) ->
    case process_info(P, status) of
        {status, waiting} -> waiting;
        _ -> receive after 1 -> wait_waiting(P, N - 1) end
    end.

%% the link of a dead process disappears from its partner
wait_no_links(_, 0) -> gave_up;
wait_no_links(P, N) ->
    case process_info(P, links) of
        {links, []} -> true;
        _ -> receive after 1 -> wait_no_links(P, N - 1) end
    end.

%% the observed process: sets up its state, then answers pings while
%% leaving every other message in its mailbox
subject(Parent, Friend) ->
    link(Friend),
    put(colour, blue),
    put({key, 2}, [1, 2, 3]),
    put(count, 7),
    process_flag(trap_exit, true),
    process_flag(priority, high),
    Parent ! {ready, self()},
    subject_loop().

subject_loop() ->
    receive
        {ping, From} ->
            From ! {pong, self()},
            subject_loop();
        stop ->
            ok
    end.

ping(P) ->
    P ! {ping, self()},
    receive {pong, P} -> ok after 1000 -> timeout end.

name_links(Links, Names) ->
    lists:sort([proplists:get_value(L, Names, other) || L <- Links]).

start() ->
    %% erl -eval runs start/0 in a process that traps exits; begin from the
    %% defaults of a freshly spawned process instead
    process_flag(trap_exit, false),
    Self = self(),
    Friend = spawn(fun() -> receive stop -> ok end end),
    S = spawn_link(fun() -> subject(Self, Friend) end),
    receive {ready, S} -> ok end,
    Names = [{Self, main}, {Friend, friend}, {S, subject}],
    io:format("ping: ~p~n", [ping(S)]),
    io:format("status: ~p~n", [wait_waiting(S)]),

    Keys = [status, message_queue_len, messages, links, registered_name,
            dictionary, trap_exit, priority],
    [{status, St0}, {message_queue_len, Q0}, {messages, Ms0}, {links, L0},
     {registered_name, Rn0}, {dictionary, D0}, {trap_exit, T0}, {priority, P0}] =
        process_info(S, Keys),
    io:format("status ~p, queue ~p, messages ~p~n", [St0, Q0, Ms0]),
    io:format("links ~p~n", [name_links(L0, Names)]),
    io:format("registered_name ~p~n", [Rn0]),
    io:format("dictionary ~p~n", [lists:sort(D0)]),
    io:format("trap_exit ~p, priority ~p~n", [T0, P0]),

    %% leave three unmatched messages in its mailbox and give it a name
    S ! first,
    S ! {second, [x, y]},
    S ! <<"third">>,
    register(proc_info_subject, S),
    io:format("ping: ~p~n", [ping(S)]),
    io:format("status: ~p~n", [wait_waiting(S)]),
    Info = process_info(S, Keys),
    io:format("requested keys in order: ~p~n", [[K || {K, _} <- Info] =:= Keys]),
    io:format("status: ~p~n", [proplists:get_value(status, Info)]),
    io:format("message_queue_len: ~p~n", [proplists:get_value(message_queue_len, Info)]),
    io:format("messages: ~p~n", [proplists:get_value(messages, Info)]),
    io:format("links: ~p~n", [name_links(proplists:get_value(links, Info), Names)]),
    io:format("registered_name: ~p~n", [proplists:get_value(registered_name, Info)]),
    io:format("dictionary: ~p~n", [lists:sort(proplists:get_value(dictionary, Info))]),
    io:format("trap_exit: ~p~n", [proplists:get_value(trap_exit, Info)]),
    io:format("priority: ~p~n", [proplists:get_value(priority, Info)]),

    %% single items
    io:format("single message_queue_len: ~p~n", [process_info(S, message_queue_len)]),
    io:format("single registered_name: ~p~n", [process_info(S, registered_name)]),
    io:format("unregistered registered_name: ~p~n",
              [process_info(Friend, registered_name)]),
    io:format("friend links: ~p~n",
              [case process_info(Friend, links) of
                   {links, FL} -> name_links(FL, Names)
               end]),
    io:format("friend trap_exit: ~p~n", [process_info(Friend, trap_exit)]),
    io:format("friend dictionary: ~p~n", [process_info(Friend, dictionary)]),
    io:format("friend priority: ~p~n", [process_info(Friend, priority)]),
    io:format("friend messages: ~p~n", [process_info(Friend, messages)]),
    io:format("self status: ~p~n", [process_info(self(), status)]),
    self() ! note_to_self,
    io:format("self queue: ~p~n", [process_info(self(), message_queue_len)]),
    io:format("self messages: ~p~n", [process_info(self(), messages)]),
    receive note_to_self -> ok end,
    io:format("self queue after receive: ~p~n", [process_info(self(), message_queue_len)]),
    io:format("is_integer reductions: ~p~n",
              [case process_info(S, reductions) of
                   {reductions, Rd} -> is_integer(Rd)
               end]),
    io:format("bad item: ~p~n",
              [try process_info(S, no_such_item) catch C:E -> {C, E} end]),
    io:format("bad pid arg: ~p~n",
              [try process_info(list_to_atom("x"), status) catch C2:E2 -> {C2, E2} end]),

    %% the subject ends: info on a dead process is undefined
    M = monitor(process, S),
    S ! stop,
    io:format("subject down: ~p~n", [down(M)]),
    io:format("dead status: ~p~n", [process_info(S, status)]),
    io:format("dead list: ~p~n", [process_info(S, [status, links])]),
    io:format("dead info/1: ~p~n", [process_info(S)]),
    io:format("name released: ~p~n", [whereis(proc_info_subject)]),
    io:format("friend alive: ~p~n", [is_process_alive(Friend)]),
    io:format("friend link removed: ~p~n", [wait_no_links(Friend, 200)]),
    Friend ! stop,

    %% process dictionary in a spawned process
    {D, MD} = spawn_monitor(
                fun() ->
                        R1 = get(),
                        R2 = put(a, 1),
                        R3 = put(b, 2),
                        R4 = put(a, 10),
                        R5 = get(a),
                        R6 = get(missing),
                        R7 = lists:sort(get_keys()),
                        put(c, 2),
                        R8 = lists:sort(get_keys(2)),
                        R9 = erase(b),
                        R10 = erase(b),
                        R11 = lists:sort(get()),
                        Self ! {dict, self(), [R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11]},
                        receive check -> ok end,
                        Self ! {dict, self(), lists:sort(erase())},
                        Self ! {dict, self(), get()}
                end),
    receive
        {dict, D, Results} ->
            lists:foreach(fun({I, R}) -> io:format("dict step ~p: ~p~n", [I, R]) end,
                          lists:zip(lists:seq(1, length(Results)), Results))
    end,
    io:format("wait: ~p~n", [wait_waiting(D)]),
    io:format("spawned dictionary seen from outside: ~p~n",
              [case process_info(D, dictionary) of
                   {dictionary, DD} -> lists:sort(DD)
               end]),
    io:format("main dictionary unaffected: ~p~n", [get(a)]),
    D ! check,
    receive {dict, D, Erased} -> io:format("erase/0: ~p~n", [Erased]) end,
    receive {dict, D, After} -> io:format("after erase/0: ~p~n", [After]) end,
    io:format("dict process down: ~p~n", [down(MD)]),
    io:format("done~n").
