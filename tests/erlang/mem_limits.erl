%% Memory limits: a process over its max_heap_size is killed (reason
%% `killed`, seen by its monitor and its links) while others keep
%% answering; garbage_collect/0,1 and the shape of erlang:memory/0 and
%% process_info(_, garbage_collection).
-module(mem_limits).
-export([start/0]).

hog(Acc) -> hog([lists:seq(1, 100) | Acc]).

echo() ->
    receive
        {From, N} -> From ! {self(), N * 2}, echo()
    end.

ask(Echo, N) ->
    Echo ! {self(), N},
    receive {Echo, V} -> V end.

reason(F) ->
    try F() catch C:R -> {C, R} end.

start() ->
    Echo = spawn(fun echo/0),
    {P1, R1} = spawn_opt(fun() -> hog([]) end, [monitor, {max_heap_size, 100000}]),
    receive {'DOWN', R1, process, P1, Why1} -> io:format("hog: ~p~n", [Why1]) end,
    io:format("echo: ~p~n", [ask(Echo, 21)]),
    Map = #{size => 50000, kill => true, error_logger => false},
    {P2, R2} = spawn_opt(fun() -> hog([]) end, [monitor, {max_heap_size, Map}]),
    receive {'DOWN', R2, process, P2, Why2} -> io:format("hog with map: ~p~n", [Why2]) end,
    %% A linked process trapping exits sees the same reason.
    process_flag(trap_exit, true),
    P3 = spawn_link(fun() ->
        process_flag(max_heap_size, #{size => 20000, error_logger => false}),
        hog([])
    end),
    receive {'EXIT', P3, Why3} -> io:format("linked hog: ~p~n", [Why3]) end,
    io:format("echo: ~p~n", [ask(Echo, 5)]),
    %% A process that stays under its limit is not disturbed.
    {P4, R4} = spawn_opt(fun() -> length(lists:seq(1, 1000)) end,
                         [monitor, {max_heap_size, 100000}]),
    receive {'DOWN', R4, process, P4, Why4} -> io:format("small: ~p~n", [Why4]) end,
    io:format("gc self: ~p~n", [erlang:garbage_collect()]),
    io:format("gc echo: ~p~n", [erlang:garbage_collect(Echo)]),
    io:format("echo: ~p~n", [ask(Echo, 7)]),
    exit(Echo, kill),
    io:format("gc dead: ~p~n", [erlang:garbage_collect(P4)]),
    io:format("memory: ~p~n", [[K || {K, V} <- erlang:memory(), is_integer(V), V >= 0]]),
    io:format("memory/1: ~p~n", [is_integer(erlang:memory(total))]),
    io:format("memory([..]): ~p~n", [[K || {K, _} <- erlang:memory([processes, code])]]),
    io:format("bad type: ~p~n", [reason(fun() -> erlang:memory(nonsense) end)]),
    {garbage_collection, GC} = process_info(self(), garbage_collection),
    io:format("gc info: ~p~n", [lists:sort([K || {K, _} <- GC])]),
    io:format("bad max_heap_size: ~p~n", [reason(fun() -> process_flag(max_heap_size, -1) end)]),
    ok.
