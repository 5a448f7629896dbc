-module(strings).
-export([start/0, id/1]).

id(X) -> X.

start() ->
    S = "Hello, World",
    io:format("concat: ~s~n", ["abc" ++ "def"]),
    io:format("concat many: ~s~n", ["a" ++ "" ++ "bc" ++ [$d] ++ "e"]),
    io:format("subtract: ~s~n", ["hello world" -- "lo"]),
    io:format("subtract all: ~p~n", ["aaa" -- "aaaa"]),
    io:format("subtract none: ~s~n", ["abc" -- "xyz"]),
    io:format("length: ~w~n", [length(S)]),
    io:format("reverse: ~s~n", [lists:reverse(S)]),
    io:format("upper: ~s~n", [upper(S)]),
    io:format("lower: ~s~n", [lower(S)]),
    io:format("tokens: ~p~n", [tokens("the quick  brown fox", $\s)]),
    io:format("split on comma: ~p~n", [split_on("a,b,,c", $,)]),
    io:format("join: ~s~n", [join(["x", "y", "z"], "::")]),
    io:format("trim: [~s]~n", [trim("   padded text  ")]),
    io:format("index of: ~w ~w~n", [index_of($W, S), index_of($q, S)]),
    io:format("substr: ~s~n", [lists:sublist(S, 8, 5)]),
    io:format("prefix/suffix: ~w ~w~n", [lists:prefix("Hell", S), lists:suffix("World", S)]),
    io:format("find substring: ~w ~w ~w~n", [find("World", S), find("o", S), find("xyz", S)]),
    io:format("replace: ~s~n", [replace(S, "o", "0")]),
    io:format("palindromes: ~w~n", [[is_pal(W) || W <- ["racecar", "level", "hello", "", "a", "abba", "abca"]]]),
    io:format("char counts: ~w~n", [count_chars("mississippi")]),
    io:format("words: ~w~n", [length(tokens("one two three four five", $\s))]),
    io:format("caesar: ~s~n", [caesar("Attack at Dawn", 3)]),
    io:format("uncaesar: ~s~n", [caesar(caesar("Attack at Dawn", 3), 23)]),
    io:format("int to string: ~s ~s~n", [integer_to_list(12345), integer_to_list(-42)]),
    io:format("string to int: ~w~n", [list_to_integer("9876") + 1]),
    io:format("digits sum: ~w~n", [lists:sum([C - $0 || C <- "123456789"])]),
    io:format("atoi: ~w ~w~n", [atoi("31337"), atoi("-88")]),
    io:format("itoa: ~s ~s ~s~n", [itoa(0), itoa(4096), itoa(-7)]),
    io:format("repeat: ~s~n", [lists:flatten(lists:duplicate(3, "ab"))]),
    io:format("center: [~s]~n", [center("mid", 11, $.)]),
    io:format("iolist flatten: ~s~n", [lists:flatten(["a", ["b", ["c"]], $d])]),
    io:format("iolist as ~~s: ~s~n", [["deep", [$\s, ["io", "list"]]]]),
    io:format("compare strings: ~w~n", [["abc" < "abd", "abc" < "ab", "" < "a", "B" < "a"]]),
    io:format("sort strings: ~p~n", [lists:sort(["pear", "Apple", "fig", "apple"])]),
    io:format("string equality: ~w ~w~n", ["abc" =:= [$a, $b, $c], "abc" == "abd"]),
    io:format("string is list: ~w ~w~n", [is_list("x"), is_list("")]),
    io:format("nested strings: ~p~n", [["one", ["two", "three"]]]),
    io:format("escape chars: ~w~n", ["\t\n\r\\\"\s\e\b\d\f\v"]),
    io:format("octal/hex escapes: ~w~n", ["\101\x42\x{43}"]),
    io:format("char literals: ~w~n", [[$a, $\n, $\\, $\s, $\", $', $0]]),
    io:format("control char caret: ~w~n", ["\^a\^z"]),
    io:format("adjacent literals: ~s~n", ["abc" "def" "ghi"]),
    io:format("string in tuple ~~w: ~w~n", [{"ab"}]),
    io:format("string in tuple ~~p: ~p~n", [{"ab"}]),
    io:format("rot13 twice: ~s~n", [rot13(rot13("Hello"))]),
    io:format("rot13: ~s~n", [rot13("Hello")]),
    io:format("vowels: ~w~n", [length([C || C <- "programming language", lists:member(C, "aeiou")])]),
    io:format("capitalize words: ~s~n", [join([cap(W) || W <- tokens("hello big world", $\s)], " ")]),
    io:format("string:to_upper ascii: ~s~n", [string:to_upper("mixed Case 123")]),
    io:format("string:to_lower ascii: ~s~n", [string:to_lower("MIXED Case 123")]),
    io:format("lists:flatten/2 string: ~s~n", [lists:flatten(["ab", "c"], "de")]),
    io:format("lists:concat: ~s~n", [lists:concat(["x=", 10, ", y=", abc])]),
    ok.

upper(S) -> [if C >= $a, C =< $z -> C - 32; true -> C end || C <- S].
lower(S) -> [if C >= $A, C =< $Z -> C + 32; true -> C end || C <- S].

tokens(S, Sep) -> [T || T <- split_on(S, Sep), T =/= []].

split_on(S, Sep) -> split_on(S, Sep, [], []).
split_on([], _, Cur, Acc) -> lists:reverse([lists:reverse(Cur) | Acc]);
split_on([Sep | T], Sep, Cur, Acc) -> split_on(T, Sep, [], [lists:reverse(Cur) | Acc]);
split_on([C | T], Sep, Cur, Acc) -> split_on(T, Sep, [C | Cur], Acc).

join([], _) -> [];
join([W], _) -> W;
join([W | Ws], Sep) -> W ++ Sep ++ join(Ws, Sep).

trim(S) -> lists:reverse(strip(lists:reverse(strip(S)))).
strip([$\s | T]) -> strip(T);
strip(S) -> S.

index_of(C, S) -> index_of(C, S, 1).
index_of(_, [], _) -> 0;
index_of(C, [C | _], I) -> I;
index_of(C, [_ | T], I) -> index_of(C, T, I + 1).

find(Sub, S) -> find(Sub, S, 1).
find(_, [], _) -> 0;
find(Sub, S, I) ->
    case lists:prefix(Sub, S) of
        true -> I;
        false -> find(Sub, tl(S), I + 1)
    end.

replace([], _, _) -> [];
replace(S, Old, New) ->
    case lists:prefix(Old, S) of
        true -> New ++ replace(lists:nthtail(length(Old), S), Old, New);
        false -> [hd(S) | replace(tl(S), Old, New)]
    end.

is_pal(S) -> S =:= lists:reverse(S).

count_chars(S) ->
    lists:foldl(fun(C, Acc) ->
                        case lists:keyfind(C, 1, Acc) of
                            {C, N} -> lists:keyreplace(C, 1, Acc, {C, N + 1});
                            false -> lists:keysort(1, [{C, 1} | Acc])
                        end
                end, [], S).

caesar(S, K) -> [shift(C, K) || C <- S].
shift(C, K) when C >= $a, C =< $z -> $a + (C - $a + K) rem 26;
shift(C, K) when C >= $A, C =< $Z -> $A + (C - $A + K) rem 26;
shift(C, _) -> C.

rot13(S) -> caesar(S, 13).

atoi([$- | T]) -> -atoi(T);
atoi(S) -> lists:foldl(fun(C, Acc) -> Acc * 10 + C - $0 end, 0, S).

itoa(0) -> "0";
itoa(N) when N < 0 -> [$- | itoa(-N)];
itoa(N) -> itoa(N, []).
itoa(0, Acc) -> Acc;
itoa(N, Acc) -> itoa(N div 10, [$0 + N rem 10 | Acc]).

center(S, W, Pad) ->
    Total = W - length(S),
    L = Total div 2,
    lists:duplicate(L, Pad) ++ S ++ lists:duplicate(Total - L, Pad).

cap([C | T]) when C >= $a, C =< $z -> [C - 32 | T];
cap(W) -> W.
