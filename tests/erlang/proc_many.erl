%% Spawning 100,000 short-lived processes, one after the other, each sending
%% one message back; then a batch of concurrent ones.
-module(proc_many).
-export([start/0]).

-define(SEQUENTIAL, 100000).
-define(BATCH, 10000).

%% one at a time: spawn, wait for its reply, next
sequential(N, N, Count, Sum) -> {Count, Sum};
sequential(I, N, Count, Sum) ->
    Self = self(),
    P = spawn(fun() -> Self ! {reply, self(), I * 2} end),
    receive
        {reply, P, V} -> sequential(I + 1, N, Count + 1, Sum + V)
    end.

collect(0, Count, Sum) -> {Count, Sum};
collect(Left, Count, Sum) ->
    receive
        {batch, V} -> collect(Left - 1, Count + 1, Sum + V)
    after 5000 ->
        {timeout, Count, Sum}
    end.

start() ->
    %% erl -eval runs start/0 in a process that traps exits; begin from the
    %% defaults of a freshly spawned process instead
    process_flag(trap_exit, false),
    Before = length(processes()),
    {Count, Sum} = sequential(0, ?SEQUENTIAL, 0, 0),
    io:format("sequential replies: ~p~n", [Count]),
    io:format("sequential sum: ~p~n", [Sum]),
    io:format("mailbox empty: ~p~n", [process_info(self(), message_queue_len)]),
    %% all spawned at once, replies counted as they come
    Self = self(),
    [spawn(fun() -> Self ! {batch, I} end) || I <- lists:seq(1, ?BATCH)],
    {BCount, BSum} = collect(?BATCH, 0, 0),
    io:format("batch replies: ~p~n", [BCount]),
    io:format("batch sum: ~p~n", [BSum]),
    %% processes that exited are gone again (allow the last ones to finish)
    After = wait_count(Before, 100),
    io:format("process count back to start: ~p~n", [After =:= Before]),
    %% spawn_monitor in sequence: every one reports normal
    Normals = lists:foldl(
                fun(_, Acc) ->
                        {_, R} = spawn_monitor(fun() -> ok end),
                        receive
                            {'DOWN', R, process, _, normal} -> Acc + 1;
                            {'DOWN', R, process, _, _} -> Acc
                        end
                end, 0, lists:seq(1, 10000)),
    io:format("monitored normal exits: ~p~n", [Normals]),
    io:format("done~n").

wait_count(Before, 0) -> length(processes()) - Before;
wait_count(Before, N) ->
    case length(processes()) of
        Before -> Before;
        _ -> receive after 1 -> wait_count(Before, N - 1) end
    end.
