%% Conway's game of life on a small torus, printed as text.
-module(prog_life).
-export([start/0]).

-define(W, 12).
-define(H, 8).

start() ->
    Glider = [{1, 0}, {2, 1}, {0, 2}, {1, 2}, {2, 2}],
    Blinker = [{8, 1}, {8, 2}, {8, 3}],
    Block = [{9, 6}, {10, 6}, {9, 7}, {10, 7}],
    Live = lists:usort(Glider ++ Blinker ++ Block),
    run(Live, 0, 5),
    Final = iterate(Live, 48),
    io:format("after 48 generations: ~w cells~n", [length(Final)]),
    io:format("cells: ~w~n", [Final]),
    ok.

run(Live, Gen, Max) when Gen > Max -> Live;
run(Live, Gen, Max) ->
    io:format("generation ~w (~w alive)~n", [Gen, length(Live)]),
    lists:foreach(fun(Y) ->
                          Row = [case lists:member({X, Y}, Live) of true -> $#; false -> $. end
                                 || X <- lists:seq(0, ?W - 1)],
                          io:format("  ~s~n", [Row])
                  end, lists:seq(0, ?H - 1)),
    run(step(Live), Gen + 1, Max).

iterate(Live, 0) -> Live;
iterate(Live, N) -> iterate(step(Live), N - 1).

step(Live) ->
    Candidates = lists:usort(lists:flatmap(fun neighbours_and_self/1, Live)),
    [C || C <- Candidates, alive_next(C, Live)].

neighbours_and_self(C) -> [C | neighbours(C)].

neighbours({X, Y}) ->
    [{(X + DX + ?W) rem ?W, (Y + DY + ?H) rem ?H}
     || DX <- [-1, 0, 1], DY <- [-1, 0, 1], {DX, DY} =/= {0, 0}].

alive_next(C, Live) ->
    N = length([1 || Nb <- neighbours(C), lists:member(Nb, Live)]),
    case lists:member(C, Live) of
        true -> N =:= 2 orelse N =:= 3;
        false -> N =:= 3
    end.
