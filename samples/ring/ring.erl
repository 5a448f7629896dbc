%% A ring of 1000 processes: each spawns the next, the last closes the ring
%% back to the first; a token goes round 10 times, then every member stops.
-module(ring).
-export([start/0]).

-define(SIZE, 1000).
-define(ROUNDS, 10).

start() ->
    Self = self(),
    First = spawn(fun() -> first(Self) end),
    receive
        {ring_closed, N} -> io:format("ring of ~p processes~n", [N])
    end,
    First ! {token, ?SIZE * ?ROUNDS},
    receive
        {done, Hops} -> io:format("token made ~p hops (~p rounds)~n", [Hops, Hops div ?SIZE])
    end,
    First ! stop,
    receive
        stopped -> io:format("all ~p stopped~n", [?SIZE])
    end.

%% The first member spawns the rest, then waits for the last to link back.
first(Main) ->
    Next = spawn(fun() -> member(2) end),
    Next ! {build, self(), Main},
    receive
        {close, Last} -> Main ! {ring_closed, ?SIZE}, loop(Next, Main, Last)
    end.

member(I) ->
    receive
        {build, First, Main} when I =:= ?SIZE ->
            First ! {close, self()},
            loop(First, Main, none);
        {build, First, Main} ->
            Next = spawn(fun() -> member(I + 1) end),
            Next ! {build, First, Main},
            loop(Next, Main, none)
    end.

%% Forwards the token until its count runs out; `stop` goes round once.
loop(Next, Main, Last) ->
    receive
        {token, 1} ->
            Main ! {done, ?SIZE * ?ROUNDS},
            loop(Next, Main, Last);
        {token, N} ->
            Next ! {token, N - 1},
            loop(Next, Main, Last);
        stop when Last =/= none ->
            %% the first member: the stop has gone round
            Next ! {stop, self()},
            receive
                {stop, _} -> Main ! stopped
            end;
        {stop, First} ->
            Next ! {stop, First}
    end.
