%% Gluon's `string` module: the classic list-of-characters functions and
%% the Unicode API of OTP 20+.
%% Case mapping (uppercase/1, lowercase/1, titlecase/1, casefold/1) is
%% native: gluon-vm/src/bif/string_case.rs.
-module(string).
-export([to_upper/1, to_lower/1, join/2, tokens/2, copies/2, len/1,
         concat/2, chr/2, rchr/2, str/2, rstr/2, substr/2, substr/3,
         strip/1, strip/2, strip/3, left/2, left/3, right/2, right/3,
         is_empty/1]).
-export([length/1, equal/2, equal/3, equal/4, reverse/1, slice/2, slice/3,
         prefix/2, find/2, find/3, split/2, split/3, replace/3, replace/4,
         lexemes/2, nth_lexeme/3, trim/1, trim/2, trim/3, chomp/1,
         pad/2, pad/3, pad/4, take/2, take/3, take/4, to_integer/1,
         to_float/1, next_grapheme/1, next_codepoint/1]).
-compile({no_auto_import, [length/1]}).

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
is_empty([L | R]) when is_list(L); is_binary(L) -> is_empty(L) andalso is_empty(R);
is_empty(_) -> false.

join([], Sep) when is_list(Sep) -> [];
join([H | T], Sep) -> H ++ lists:append([Sep ++ X || X <- T]).

len(S) -> erlang:length(S).

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
    L = erlang:length(S),
    if L >= N -> lists:sublist(S, N);
       true -> S ++ lists:duplicate(N - L, C)
    end.

right(S, N) -> right(S, N, $\s).
right(S, N, C) when is_integer(N), N >= 0 ->
    L = erlang:length(S),
    if L >= N -> lists:nthtail(L - N, S);
       true -> lists:duplicate(N - L, C) ++ S
    end.

%%% The Unicode API (OTP 20+). Strings are chardata: a binary (UTF-8) or
%%% a possibly deep list of code points and binaries. Results keep the
%%% input's kind for flat lists and binaries; deep mixed input gives flat
%%% lists. Grapheme clusters (a code point, or a list of them such as
%%% [$\r, $\n]) follow a simplified form of Unicode's rules (see
%%% grapheme.rs); no normalization is done.

%% Graphemes of chardata (string:to_graphemes/1 is native:
%% gluon-vm/src/bif/grapheme.rs).
gr(S) -> string:to_graphemes(S).

%% Code points of graphemes.
flat([G | T]) when is_list(G) -> G ++ flat(T);
flat([C | T]) -> [C | flat(T)];
flat([]) -> [].

%% Graphemes back in the kind of the input `Orig`.
out(Orig, Gs) when is_binary(Orig) -> unicode:characters_to_binary(flat(Gs));
out(_, Gs) -> flat(Gs).

length(S) -> erlang:length(gr(S)).

equal(A, B) -> unicode:characters_to_list(A) =:= unicode:characters_to_list(B).
equal(A, B, false) -> equal(A, B);
equal(A, B, true) -> equal(string:casefold(A), string:casefold(B)).
equal(A, B, IgnoreCase, none) -> equal(A, B, IgnoreCase).

reverse(S) -> lists:reverse(gr(S)).

next_grapheme(S) ->
    case gr(S) of
        [] -> [];
        [G | T] -> [G | out(S, T)]
    end.

next_codepoint(S) ->
    case unicode:characters_to_list(S) of
        [] -> [];
        [C | T] -> [C | out(S, gr(T))]
    end.

slice(S, Start) -> slice(S, Start, infinity).
slice(S, Start, Len) when is_integer(Start), Start >= 0,
                          Len =:= infinity orelse is_integer(Len) andalso Len >= 0 ->
    Gs = gr(S),
    Rest = case Start >= erlang:length(Gs) of
               true -> [];
               false -> lists:nthtail(Start, Gs)
           end,
    Part = case Len of
               infinity -> Rest;
               _ -> lists:sublist(Rest, Len)
           end,
    out(S, Part).

prefix(S, Prefix) ->
    case strip_prefix(gr(Prefix), gr(S)) of
        nomatch -> nomatch;
        Rest -> out(S, Rest)
    end.

strip_prefix([G | P], [G | T]) -> strip_prefix(P, T);
strip_prefix([], T) -> T;
strip_prefix(_, _) -> nomatch.

%% Splits graphemes `Gs` at every (or the first) occurrence of `P`:
%% returns the pieces between them, left to right.
cut(Gs, [], _) -> [Gs];
cut(Gs, P, Once) -> cut(Gs, P, Once, [], []).
cut([], _, _, Cur, Acc) -> lists:reverse([lists:reverse(Cur) | Acc]);
cut([G | T] = Gs, P, Once, Cur, Acc) ->
    case strip_prefix(P, Gs) of
        nomatch -> cut(T, P, Once, [G | Cur], Acc);
        Rest when Once -> lists:reverse([Rest, lists:reverse(Cur) | Acc]);
        Rest -> cut(Rest, P, Once, [], [lists:reverse(Cur) | Acc])
    end.

%% [Before, After] around the last occurrence of `P` (which may overlap
%% an earlier one), or [Gs].
cut_last(Gs, P) ->
    case last_match(Gs, P, 0, none) of
        none -> [Gs];
        I ->
            {Before, After} = lists:split(I, Gs),
            [Before, lists:nthtail(erlang:length(P), After)]
    end.

last_match([], _, _, Best) -> Best;
last_match([_ | T] = Gs, P, I, Best) ->
    case strip_prefix(P, Gs) of
        nomatch -> last_match(T, P, I + 1, Best);
        _ -> last_match(T, P, I + 1, I)
    end.

split(S, P) -> split(S, P, leading).
split(S, P, Where) ->
    Gs = gr(S),
    PG = gr(P),
    Pieces = case Where of
                 leading -> cut(Gs, PG, true);
                 all -> cut(Gs, PG, false);
                 trailing when PG =:= [] -> [Gs];
                 trailing -> cut_last(Gs, PG)
             end,
    [out(S, X) || X <- Pieces].

replace(S, P, R) -> replace(S, P, R, leading).
replace(S, P, R, Where) -> lists:join(R, split(S, P, Where)).

find(S, P) -> find(S, P, leading).
find(S, P, Where) ->
    Gs = gr(S),
    case {gr(P), Where} of
        {[], _} -> S;
        {PG, leading} ->
            case cut(Gs, PG, true) of
                [_] -> nomatch;
                [Before, _] -> out(S, lists:nthtail(erlang:length(Before), Gs))
            end;
        {PG, trailing} ->
            case cut_last(Gs, PG) of
                [_] -> nomatch;
                [Before, _] -> out(S, lists:nthtail(erlang:length(Before), Gs))
            end
    end.

lexemes(S, Seps) ->
    [out(S, L) || L <- lexemes_gr(gr(S), Seps)].

lexemes_gr(Gs, Seps) ->
    Pieces = cut_any(Gs, Seps, [], []),
    [P || P <- Pieces, P =/= []].

cut_any([], _, Cur, Acc) -> lists:reverse([lists:reverse(Cur) | Acc]);
cut_any([G | T], Seps, Cur, Acc) ->
    case lists:member(G, Seps) of
        true -> cut_any(T, Seps, [], [lists:reverse(Cur) | Acc]);
        false -> cut_any(T, Seps, [G | Cur], Acc)
    end.

nth_lexeme(S, N, Seps) when is_integer(N), N > 0 ->
    case lists:nthtail(N - 1, lexemes_gr(gr(S), Seps) ++ [[]]) of
        [L | _] -> out(S, L)
    end.

%% Pattern_White_Space, and CR LF.
whitespace() -> [[$\r, $\n], $\t, $\n, $\v, $\f, $\r, $\s,
                 16#85, 16#200E, 16#200F, 16#2028, 16#2029].

trim(S) -> trim(S, both).
trim(S, Dir) -> trim(S, Dir, whitespace()).
%% Trimming works on code points: a separator list with $\n alone trims
%% the LF of a trailing CR LF, as OTP does.
trim(S, Dir, Seps0) ->
    Seps = flat_seps(Seps0),
    Cs = unicode:characters_to_list(S),
    Drop = fun(L) -> lists:dropwhile(fun(C) -> lists:member(C, Seps) end, L) end,
    Trimmed = case Dir of
                  leading -> Drop(Cs);
                  trailing -> lists:reverse(Drop(lists:reverse(Cs)));
                  both -> lists:reverse(Drop(lists:reverse(Drop(Cs))))
              end,
    out(S, gr(Trimmed)).

flat_seps([L | T]) when is_list(L) -> L ++ flat_seps(T);
flat_seps([C | T]) -> [C | flat_seps(T)];
flat_seps([]) -> [].

%% Drops every line ending at the end.
chomp(S) -> out(S, lists:reverse(chomp_gr(lists:reverse(gr(S))))).

chomp_gr([[$\r, $\n] | T]) -> chomp_gr(T);
chomp_gr([$\n | T]) -> chomp_gr(T);
chomp_gr(T) -> T.

pad(S, N) -> pad(S, N, trailing).
pad(S, N, Dir) -> pad(S, N, Dir, $\s).
pad(S, N, Dir, Char) when is_integer(N) ->
    case N - length(S) of
        L when L =< 0 -> [S];
        L when Dir =:= trailing -> [S | lists:duplicate(L, Char)];
        L when Dir =:= leading -> [lists:duplicate(L, Char), S];
        L when Dir =:= both ->
            Pre = lists:duplicate(L div 2, Char),
            [Pre, S, Pre | lists:duplicate(L rem 2, Char)]
    end.

take(S, Chars) -> take(S, Chars, false).
take(S, Chars, Complement) -> take(S, Chars, Complement, leading).
take(S, Chars, Complement, Dir) ->
    In = fun(G) -> lists:member(G, Chars) =/= Complement end,
    Gs = gr(S),
    case Dir of
        leading ->
            {A, B} = lists:splitwith(In, Gs),
            {out(S, A), out(S, B)};
        trailing ->
            {A, B} = lists:splitwith(In, lists:reverse(Gs)),
            {out(S, lists:reverse(B)), out(S, lists:reverse(A))}
    end.

%% A leading integer: optional sign, then decimal digits.
to_integer(S) ->
    Cs = unicode:characters_to_list(S),
    {Sign, Body} = sign(Cs),
    case lists:splitwith(fun is_digit/1, Body) of
        {[], _} -> {error, no_integer};
        {Ds, Rest} -> {list_to_integer(Sign ++ Ds), out(S, gr(Rest))}
    end.

%% A leading float: digits, a point (or comma), digits, an optional
%% exponent.
to_float(S) ->
    Cs = unicode:characters_to_list(S),
    {Sign, Body} = sign(Cs),
    case lists:splitwith(fun is_digit/1, Body) of
        {[_ | _] = Int, [P | T]} when P =:= $.; P =:= $, ->
            case lists:splitwith(fun is_digit/1, T) of
                {[], _} -> {error, no_float};
                {Frac, Rest0} ->
                    {Exp, Rest} = exponent(Rest0),
                    F = list_to_float(Sign ++ Int ++ "." ++ Frac ++ Exp),
                    {F, out(S, gr(Rest))}
            end;
        _ -> {error, no_float}
    end.

exponent([E | T] = Cs) when E =:= $e; E =:= $E ->
    {Sign, Body} = sign(T),
    case lists:splitwith(fun is_digit/1, Body) of
        {[], _} -> {[], Cs};
        {Ds, Rest} -> {"e" ++ Sign ++ Ds, Rest}
    end;
exponent(Cs) -> {[], Cs}.

sign([$- | T]) -> {"-", T};
sign([$+ | T]) -> {[], T};
sign(T) -> {[], T}.

is_digit(C) -> C >= $0 andalso C =< $9.
