-module(big_bitwise).
-export([start/0, id/1]).

%% band/bor/bxor/bnot and shifts on integers of any size and sign, with
%% Erlang's two's-complement semantics for negatives.

id(X) -> X.

try_op(F) ->
    try F() catch error:R -> {error, R} end.

values() ->
    B = [id(1) bsl N || N <- [27, 32, 59, 63, 64, 100, 128]],
    [0, -1, 255, -256] ++ [X - 1 || X <- B] ++ [X || X <- B] ++ [-X || X <- B] ++ [-X - 1 || X <- B]
        ++ [id(16#123456789ABCDEF0123456789ABCDEF), -id(16#FEDCBA9876543210FEDCBA98765432100)].

start() ->
    Vs = values(),
    lists:foreach(
      fun(A) ->
              io:format("~w:~n  band ~w~n  bor ~w~n  bxor ~w~n",
                        [A, [A band B || B <- Vs], [A bor B || B <- Vs], [A bxor B || B <- Vs]])
      end, Vs),
    io:format("bnot: ~w~n", [[bnot X || X <- Vs]]),
    io:format("bnot bnot: ~w~n", [[bnot bnot X =:= X || X <- Vs]]),
    io:format("identities: ~w~n",
              [lists:all(fun(A) -> lists:all(fun(B) ->
                                                     (A bxor B) =:= (A bor B) - (A band B)
                                                         andalso (A band B) + (A bor B) =:= A + B
                                             end, Vs) end, Vs)]),
    Counts = [0, 1, 3, 27, 31, 32, 33, 59, 63, 64, 65, 100, 127, 128, 129, 300],
    lists:foreach(
      fun(A) ->
              io:format("~w bsl: ~w~n  bsr: ~w~n",
                        [A, [A bsl C || C <- Counts], [A bsr C || C <- Counts]])
      end, Vs),
    io:format("negative counts: ~w ~w ~w ~w~n",
              [id(1) bsl -3, id(-1) bsl -100, (id(1) bsl 200) bsr -10, -(id(1) bsl 200) bsl -199]),
    io:format("huge counts: ~w~n",
              [[try_op(F) || F <- [fun() -> id(1) bsl 40000000 end,
                                   fun() -> id(-1) bsl 40000000 end,
                                   fun() -> id(0) bsl 40000000 end,
                                   fun() -> id(1) bsr 40000000 end,
                                   fun() -> id(-1) bsr 40000000 end,
                                   fun() -> (id(1) bsl 1000) bsr (id(1) bsl 100) end,
                                   fun() -> -(id(1) bsl 1000) bsr (id(1) bsl 100) end,
                                   fun() -> id(5) bsl -(id(1) bsl 100) end,
                                   fun() -> id(5) bsl (id(1) bsl 100) end,
                                   fun() -> id(5) bsr -(id(1) bsl 100) end,
                                   fun() -> id(1) bsl 4194000 =:= id(1) bsl 4194000 end,
                                   fun() -> id(1) bsl 34000000 end,
                                   fun() -> (id(3) bsl 4194000) bsr 4193990 end,
                                   fun() -> id(-3) bsl 34000000 end,
                                   fun() -> id(1 bsl 64) band id(a) end,
                                   fun() -> id(1 bsl 64) bsl id(1.0) end,
                                   fun() -> bnot id(1.0) end]]]),
    io:format("masks: ~w~n", [[(X bsr 64) band 16#FFFF || X <- Vs]]),
    io:format("popcount: ~w~n", [[popcount(X) || X <- Vs, X >= 0]]),
    ok.

popcount(0) -> 0;
popcount(X) -> (X band 1) + popcount(X bsr 1).
