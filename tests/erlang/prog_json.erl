%% Encode Erlang terms to a JSON-like text and decode it back.
-module(prog_json).
-export([start/0]).

start() ->
    Terms = [
        null, true, false, 0, 42, -17, "hello", "with \"quotes\"", "tab\tnew\nline", "",
        [], [1, 2, 3], {obj, []}, {obj, [{"a", 1}]},
        {obj, [{"name", "gluon"}, {"tags", ["vm", "beam"]}, {"nested", {obj, [{"deep", [[], [null]]}]}}]},
        [{obj, [{"x", 1}, {"y", -2}]}, {obj, [{"x", 3}, {"y", 4}]}]
    ],
    lists:foreach(fun(T) ->
                          Enc = lists:flatten(encode(T)),
                          {Dec, []} = decode(skip_ws(Enc)),
                          io:format("~s~n    roundtrip: ~w~n", [Enc, Dec =:= T])
                  end, Terms),
    io:format("pretty:~n~s~n", [pretty({obj, [{"a", [1, 2]}, {"b", {obj, [{"c", null}]}}]}, 0)]),
    io:format("decode with spaces: ~p~n", [element(1, decode(skip_ws("  [ 1 , [ ] , { \"k\" : true } ]  ")))]),
    io:format("decode error: ~p~n", [try decode("[1, 2") catch throw:E -> E end]),
    io:format("decode error 2: ~p~n", [try decode("{\"a\" 1}") catch throw:E2 -> E2 end]),
    ok.

encode(null) -> "null";
encode(true) -> "true";
encode(false) -> "false";
encode(N) when is_integer(N) -> integer_to_list(N);
encode({obj, Pairs}) ->
    ["{", join([[encode_string(K), ":", encode(V)] || {K, V} <- Pairs], ","), "}"];
encode(L) when is_list(L) ->
    case is_string(L) of
        true -> encode_string(L);
        false -> ["[", join([encode(E) || E <- L], ","), "]"]
    end.

%% strings are non-empty lists of printable chars; "" encodes as []
is_string([]) -> false;
is_string(L) -> lists:all(fun(C) -> is_integer(C) andalso C >= 9 andalso C =< 126 end, L).

encode_string(S) -> [$", [esc(C) || C <- S], $"].

esc($") -> "\\\"";
esc($\\) -> "\\\\";
esc($\n) -> "\\n";
esc($\t) -> "\\t";
esc(C) -> C.

join([], _) -> [];
join([X], _) -> [X];
join([X | T], Sep) -> [X, Sep | join(T, Sep)].

skip_ws([C | T]) when C =:= $\s; C =:= $\n; C =:= $\t -> skip_ws(T);
skip_ws(S) -> S.

decode("null" ++ T) -> {null, skip_ws(T)};
decode("true" ++ T) -> {true, skip_ws(T)};
decode("false" ++ T) -> {false, skip_ws(T)};
decode([$" | T]) -> decode_string(T, []);
decode([$[ | T]) -> decode_list(skip_ws(T), []);
decode([${ | T]) -> decode_obj(skip_ws(T), []);
decode([C | _] = S) when C =:= $-; C >= $0, C =< $9 ->
    {Num, Rest} = lists:splitwith(fun(D) -> D =:= $- orelse (D >= $0 andalso D =< $9) end, S),
    {list_to_integer(Num), skip_ws(Rest)};
decode([]) -> throw(unexpected_end);
decode([C | _]) -> throw({unexpected, [C]}).

decode_string([$" | T], Acc) -> {lists:reverse(Acc), skip_ws(T)};
decode_string([$\\, $n | T], Acc) -> decode_string(T, [$\n | Acc]);
decode_string([$\\, $t | T], Acc) -> decode_string(T, [$\t | Acc]);
decode_string([$\\, C | T], Acc) -> decode_string(T, [C | Acc]);
decode_string([C | T], Acc) -> decode_string(T, [C | Acc]);
decode_string([], _) -> throw(unterminated_string).

decode_list([$] | T], []) -> {[], skip_ws(T)};
decode_list(S, Acc) ->
    {V, T} = decode(S),
    case T of
        [$, | T2] -> decode_list(skip_ws(T2), [V | Acc]);
        [$] | T2] -> {lists:reverse([V | Acc]), skip_ws(T2)};
        [] -> throw(unexpected_end);
        [C | _] -> throw({expected_comma_or_bracket, [C]})
    end.

decode_obj([$} | T], []) -> {{obj, []}, skip_ws(T)};
decode_obj([$" | S], Acc) ->
    {K, T} = decode_string(S, []),
    case T of
        [$: | T2] ->
            {V, T3} = decode(skip_ws(T2)),
            case T3 of
                [$, | T4] -> decode_obj(skip_ws(T4), [{K, V} | Acc]);
                [$} | T4] -> {{obj, lists:reverse([{K, V} | Acc])}, skip_ws(T4)};
                _ -> throw(bad_object)
            end;
        _ -> throw(expected_colon)
    end;
decode_obj(_, _) -> throw(bad_key).

pretty({obj, Pairs}, Ind) ->
    Pad = lists:duplicate(Ind + 2, $\s),
    ["{\n",
     join([[Pad, encode_string(K), ": ", pretty(V, Ind + 2)] || {K, V} <- Pairs], ",\n"),
     "\n", lists:duplicate(Ind, $\s), "}"];
pretty(T, _) -> encode(T).
