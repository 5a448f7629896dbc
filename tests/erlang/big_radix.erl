-module(big_radix).
-export([start/0, id/1]).

%% Integers of many sizes to and from text in every base from 2 to 36.

id(X) -> X.

try_op(F) ->
    try F() catch error:R -> {error, R} end.

values() ->
    [0, 1, -1, 35, 36, 134217727, 134217728, -134217729, 576460752303423487,
     576460752303423488, -576460752303423489, 18446744073709551615, 18446744073709551616,
     (1 bsl 127) - 1, -(1 bsl 128), 12345678901234567890123456789012345678901234567890,
     -(id(7) bsl 300) + 12345].

start() ->
    lists:foreach(
      fun(Base) ->
              Texts = [integer_to_list(V, Base) || V <- values()],
              io:format("base ~w: ~s~n", [Base, lists:join(" ", Texts)]),
              Back = [list_to_integer(T, Base) || T <- Texts],
              Lower = [list_to_integer(lower(T), Base) || T <- Texts],
              Bins = [binary_to_integer(integer_to_binary(V, Base), Base) || V <- values()],
              io:format("  round trip: ~w ~w ~w~n", [Back =:= values(), Lower =:= values(), Bins =:= values()])
      end, lists:seq(2, 36)),
    Big = id(3) bsl 5000 - 1,
    lists:foreach(
      fun(Base) ->
              T = integer_to_list(Big, Base),
              io:format("3*2^5000-1 base ~w: ~w digits, ~s...~s ~w~n",
                        [Base, length(T), lists:sublist(T, 12), lists:nthtail(length(T) - 12, T),
                         list_to_integer(T, Base) =:= Big])
      end, [2, 3, 7, 10, 16, 31, 36]),
    io:format("~~.16B ~~.2B ~~.36B: ~.16B ~.2B ~.36B~n", [1 bsl 70, -(1 bsl 65) - 1, 1 bsl 100]),
    io:format("~~.16b ~~.16#: ~.16b ~.16#~n", [(1 bsl 70) + 16#abc, -(1 bsl 66)]),
    io:format("~~.8X: ~.8X~n", [(1 bsl 64) + 1, "0o"]),
    io:format("leading zeros and signs: ~w ~w ~w~n",
              [list_to_integer("0000000000000000000000000000018446744073709551616"),
               list_to_integer("+18446744073709551616"), list_to_integer("-00018446744073709551616")]),
    io:format("long decimal: ~w~n", [list_to_integer(lists:duplicate(400, $9)) + 1 =:= id(10) * pow10(399)]),
    io:format("errors: ~w~n",
              [[try_op(F) || F <- [fun() -> list_to_integer("123456789012345678901234567890x") end,
                                   fun() -> list_to_integer("1G", 16) end,
                                   fun() -> list_to_integer("", 10) end,
                                   fun() -> list_to_integer("-", 10) end,
                                   fun() -> list_to_integer("12", id(37)) end,
                                   fun() -> list_to_integer("12", id(1)) end,
                                   fun() -> integer_to_list(1 bsl 70, id(37)) end,
                                   fun() -> integer_to_list(id(1.0), 10) end,
                                   fun() -> binary_to_integer(<<"99999999999999999999 ">>) end,
                                   fun() -> binary_to_integer(<<"zz">>, 36) end]]]),
    ok.

lower(S) -> [if C >= $A, C =< $Z -> C + 32; true -> C end || C <- S].

pow10(0) -> 1;
pow10(N) -> 10 * pow10(N - 1).
