%% Gluon's `string` module: the classic list-of-characters functions.
%% (The Unicode grapheme-aware API of OTP 20+ is not provided yet: calls
%% to it fail with `undef`.)
-module(string).
-export([to_upper/1, to_lower/1, join/2, tokens/2, copies/2, len/1,
         concat/2, chr/2, rchr/2, str/2, rstr/2, substr/2, substr/3,
         strip/1, strip/2, strip/3, left/2, left/3, right/2, right/3,
         is_empty/1]).

%% Latin-1 case mapping, as OTP's to_upper/to_lower do on characters.
to_upper(C) when is_integer(C) -> upper_char(C);
to_upper(S) when is_list(S) -> [upper_char(C) || C <- S].

to_lower(C) when is_integer(C) -> lower_char(C);
to_lower(S) when is_list(S) -> [lower_char(C) || C <- S].

upper_char(C) when C >= $a, C =< $z -> C - 32;
upper_char(C) when C >= 16#E0, C =< 16#FE, C =/= 16#F7 -> C - 32;
upper_char(C) -> C.

lower_char(C) when C >= $A, C =< $Z -> C + 32;
lower_char(C) when C >= 16#C0, C =< 16#DE, C =/= 16#D7 -> C + 32;
lower_char(C) -> C.

is_empty([]) -> true;
is_empty(<<>>) -> true;
is_empty([L | R]) when is_list(L) -> is_empty(L) andalso is_empty(R);
is_empty(_) -> false.

join([], Sep) when is_list(Sep) -> [];
join([H | T], Sep) -> H ++ lists:append([Sep ++ X || X <- T]).

len(S) -> length(S).

concat(S1, S2) -> S1 ++ S2.

copies(S, N) when is_integer(N), N >= 0 -> copies(S, N, []).
copies(_, 0, Acc) -> Acc;
copies(S, N, Acc) -> copies(S, N - 1, S ++ Acc).

%% Splits at any of the separator characters, dropping empty tokens.
tokens(S, Seps) -> tokens(S, Seps, [], []).
tokens([C | T], Seps, Tok, Acc) ->
    case lists:member(C, Seps) of
        true when Tok =:= [] -> tokens(T, Seps, [], Acc);
        true -> tokens(T, Seps, [], [lists:reverse(Tok) | Acc]);
        false -> tokens(T, Seps, [C | Tok], Acc)
    end;
tokens([], _, [], Acc) -> lists:reverse(Acc);
tokens([], _, Tok, Acc) -> lists:reverse([lists:reverse(Tok) | Acc]).

chr(S, C) -> chr(S, C, 1).
chr([C | _], C, I) -> I;
chr([_ | T], C, I) -> chr(T, C, I + 1);
chr([], _, _) -> 0.

rchr(S, C) -> rchr(S, C, 1, 0).
rchr([C | T], C, I, _) -> rchr(T, C, I + 1, I);
rchr([_ | T], C, I, L) -> rchr(T, C, I + 1, L);
rchr([], _, _, L) -> L.

str(S, Sub) -> str(S, Sub, 1).
str([_ | T] = S, Sub, I) ->
    case lists:prefix(Sub, S) of
        true -> I;
        false -> str(T, Sub, I + 1)
    end;
str([], _, _) -> 0.

rstr(S, Sub) -> rstr(S, Sub, 1, 0).
rstr([_ | T] = S, Sub, I, L) ->
    case lists:prefix(Sub, S) of
        true -> rstr(T, Sub, I + 1, I);
        false -> rstr(T, Sub, I + 1, L)
    end;
rstr([], _, _, L) -> L.

substr(S, Start) when is_integer(Start), Start >= 1 -> lists:nthtail(Start - 1, S).
substr(S, Start, Len) when is_integer(Start), Start >= 1, is_integer(Len), Len >= 0 ->
    lists:sublist(lists:nthtail(Start - 1, S), Len).

strip(S) -> strip(S, both).
strip(S, Dir) -> strip(S, Dir, $\s).
strip(S, left, C) -> lists:dropwhile(fun(X) -> X =:= C end, S);
strip(S, right, C) -> lists:reverse(strip(lists:reverse(S), left, C));
strip(S, both, C) -> strip(strip(S, left, C), right, C).

left(S, N) -> left(S, N, $\s).
left(S, N, C) when is_integer(N), N >= 0 ->
    L = length(S),
    if L >= N -> lists:sublist(S, N);
       true -> S ++ lists:duplicate(N - L, C)
    end.

right(S, N) -> right(S, N, $\s).
right(S, N, C) when is_integer(N), N >= 0 ->
    L = length(S),
    if L >= N -> lists:nthtail(L - N, S);
       true -> lists:duplicate(N - L, C) ++ S
    end.
