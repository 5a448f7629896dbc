%% A ring of 1000 processes passing a token around 10 times.
-module(proc_ring).
-export([start/0]).

-define(SIZE, 1000).
-define(ROUNDS, 10).

%% a ring member: learns its successor, then forwards the token, counting
%% how often it saw it
member(Index) ->
    receive
        {next, Next} -> member(Index, Next, 0)
    end.

member(Index, Next, Seen) ->
    receive
        {token, Main, 1, Hops} ->
            %% the last delivery
            Main ! {finished, Index, Hops + 1},
            member(Index, Next, Seen + 1);
        {token, Main, Left, Hops} ->
            Next ! {token, Main, Left - 1, Hops + 1},
            member(Index, Next, Seen + 1);
        {count, From} ->
            From ! {count, Index, Seen},
            member(Index, Next, Seen);
        stop ->
            exit({stopped, Index})
    end.

start() ->
    %% erl -eval runs start/0 in a process that traps exits; begin from the
    %% defaults of a freshly spawned process instead
    process_flag(trap_exit, false),
    Pids = [spawn(fun() -> member(I) end) || I <- lists:seq(1, ?SIZE)],
    io:format("ring size: ~p~n", [length(Pids)]),
    io:format("distinct: ~p~n", [length(lists:usort(Pids))]),
    %% connect each member to the next, the last one to the first
    Nexts = tl(Pids) ++ [hd(Pids)],
    lists:foreach(fun({P, N}) -> P ! {next, N} end, lists:zip(Pids, Nexts)),
    %% send the token: it is delivered SIZE * ROUNDS times in all
    Total = ?SIZE * ?ROUNDS,
    hd(Pids) ! {token, self(), Total, 0},
    receive
        {finished, Where, Hops} ->
            io:format("token finished at member ~p after ~p hops~n", [Where, Hops])
    after 5000 ->
        io:format("token lost~n")
    end,
    %% ask every member how often it saw the token
    Counts = [begin
                  P ! {count, self()},
                  receive {count, I, Seen} -> {I, Seen} end
              end || P <- Pids],
    io:format("indices in order: ~p~n",
              [[I || {I, _} <- Counts] =:= lists:seq(1, ?SIZE)]),
    Seens = [S || {_, S} <- Counts],
    io:format("first member saw it ~p times~n", [hd(Seens)]),
    io:format("last member saw it ~p times~n", [lists:last(Seens)]),
    io:format("distinct counts: ~w~n", [lists:usort(Seens)]),
    io:format("total visits: ~p~n", [lists:sum(Seens)]),
    %% a second, shorter trip starting in the middle
    lists:nth(500, Pids) ! {token, self(), 1500, 0},
    receive
        {finished, W2, H2} ->
            io:format("second token finished at member ~p after ~p hops~n", [W2, H2])
    after 5000 ->
        io:format("second token lost~n")
    end,
    %% stop the ring and wait for everyone
    Refs = [{monitor(process, P), I} || {P, I} <- lists:zip(Pids, lists:seq(1, ?SIZE))],
    [P ! stop || P <- Pids],
    Reasons = [receive {'DOWN', R, process, _, Why} -> Why end || {R, _} <- Refs],
    io:format("all stopped with own index: ~p~n",
              [Reasons =:= [{stopped, I} || I <- lists:seq(1, ?SIZE)]]),
    io:format("none alive: ~p~n",
              [lists:all(fun(P) -> not is_process_alive(P) end, Pids)]),
    io:format("done~n").
