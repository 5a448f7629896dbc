-module(float_text).
-export([start/0]).

%% Random floats from bit patterns (every binade, subnormals included),
%% printed every way OTP prints floats and read back.

lcg(X) -> (X * 6364136223846793005 + 1442695040888963407) band 16#ffffffffffffffff.

floats(0, _, Acc) -> Acc;
floats(N, X, Acc) ->
    X1 = lcg(X),
    <<F/float>> = <<(X1 band 16#7fefffffffffffff):64>>,
    %% Short mantissas too: small integers times powers of two.
    G = (X1 bsr 40 band 4095) * math:pow(2, (X1 band 255) - 128),
    floats(N - 1, X1, [F, G | Acc]).

show(F) ->
    S = float_to_list(F, [short]),
    io:format("~w ~p ~s ~s ~s ~s~n",
              [F, -F, float_to_list(F), S,
               dec(F, [{decimals, 3}]),
               float_to_list(F, [{scientific, 12}])]),
    io:format(" ~.3f ~.4e ~.5g ~s~n", [F, F, F, dec(F, [{decimals, 8}, compact])]),
    true = list_to_float(S) =:= F orelse (S =:= "0.0"),
    io:format(" ~w ~w~n", [list_to_float(float_to_list(F)) =:= F,
                           binary_to_float(float_to_binary(F, [{scientific, 16}])) =:= F]).

%% `{decimals, N}` text longer than 255 characters is badarg.
dec(F, Opts) ->
    try float_to_list(F, Opts) catch error:badarg -> "badarg" end.

start() ->
    Fs = floats(600, 42, []) ++ [5.0e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
                                 1.0e23, 9007199254740993.0, 0.1, 0.3, 123.456, 2.5, 0.125],
    lists:foreach(fun show/1, Fs),
    Texts = ["2.4703282292062328e-324", "2.4703282292062327e-324", "1.7976931348623158e308",
             "0.30000000000000004", "9007199254740993.0", "1.00000000000000011102230246251565404236316680908203125",
             "1.00000000000000011102230246251565404236316680908203124", "123456789012345678901234567890.5e-20",
             "0.000000000000000000000000000000000000000000000001e48", "1,5", "+1.5e+0"],
    lists:foreach(fun(T) -> io:format("~s -> ~w~n", [T, list_to_float(T)]) end, Texts),
    io:format("~w~n", [[try list_to_float(T) catch C:R -> {C, R} end
                        || T <- ["1.0e309", "1e5", ".5", "1.", "1.0e"]]]).
