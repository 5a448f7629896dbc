-module(bits_shared).
-export([start/0]).

%% Large binaries (stored off-heap and shared, not copied, on send) passed
%% between processes, sliced, matched, appended to and dropped in loops.

start() ->
    Big = << <<(I rem 256)>> || I <- lists:seq(1, 100000) >>,
    Small = <<"small">>,
    %% An echo process returns what it gets, and parts of it.
    Echo = spawn(fun echo/0),
    Echo ! {self(), Big},
    B1 = receive {echo, X1} -> X1 end,
    io:format("echo equal: ~w ~w~n", [B1 =:= Big, byte_size(B1)]),
    Echo ! {self(), {part, Big, 1000, 50}},
    P = receive {echo, X2} -> X2 end,
    io:format("part: ~w~n", [P]),
    Echo ! {self(), {sub, Big}},
    {Head, Tail} = receive {echo, X3} -> X3 end,
    io:format("sub: ~w ~w ~w~n", [Head, byte_size(Tail), binary_part(Tail, byte_size(Tail) - 3, 3)]),
    %% A binary matched partly, its context sent along as a sub-binary.
    <<_:7, Odd:20/binary, _/bits>> = Big,
    Echo ! {self(), Odd},
    Odd2 = receive {echo, X4} -> X4 end,
    io:format("odd: ~w ~w~n", [Odd2 =:= Odd, Odd2]),
    %% Many processes each receive the big binary, append to it, reply.
    Pids = [spawn(fun() -> worker(N) end) || N <- lists:seq(1, 50)],
    [Pid ! {self(), Big} || Pid <- Pids],
    Sums = [receive {done, Pid, S} -> S end || Pid <- Pids],
    io:format("workers: ~w~n", [lists:sum(Sums)]),
    %% Big binaries built and dropped in a loop in another process.
    Loop = spawn(fun() -> loop(200, Small, 0) end),
    Loop ! {self(), go},
    receive {loop, L} -> io:format("loop: ~w~n", [L]) end,
    %% Memory comes back after everyone is done and collected.
    Echo ! stop,
    erlang:garbage_collect(),
    io:format("binary memory is a number: ~w~n", [is_integer(erlang:memory(binary))]),
    io:format("~w~n", [byte_size(Big)]),
    ok.

echo() ->
    receive
        {From, {part, B, S, L}} -> From ! {echo, binary_part(B, S, L)}, echo();
        {From, {sub, <<H:10/binary, T/binary>>}} -> From ! {echo, {H, T}}, echo();
        {From, Msg} -> From ! {echo, Msg}, echo();
        stop -> ok
    end.

worker(N) ->
    receive
        {From, B} ->
            B2 = <<B/binary, N:32>>,
            <<_:100000/binary, M:32>> = B2,
            From ! {done, self(), M + checksum(B2, 0, 0)}
    end.

checksum(B, I, S) when I < byte_size(B) ->
    checksum(B, I + 997, S + binary:at(B, I));
checksum(_, _, S) -> S.

loop(0, _, N) ->
    receive {From, go} -> From ! {loop, N} end;
loop(K, Acc, N) ->
    B = << <<(K + I)>> || I <- lists:seq(1, 5000) >>,
    <<X, _/binary>> = B,
    Acc2 = <<Acc/binary, X>>,
    loop(K - 1, Acc2, N + X + byte_size(Acc2)).
