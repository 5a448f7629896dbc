%% Gluon's `ordsets` module: sets as ordered lists without duplicates.
%%
%% Elements are compared with `==` ordering, as OTP documents: 1 and 1.0
%% are the same element, and the one already in a set is kept. When two
%% sets hold equal elements, union/2 and intersection/2 keep the one from
%% the set that was behind (the arguments trade places whenever the second
%% set's head is taken), which is what OTP's results show.
-module(ordsets).
-export([new/0, is_set/1, size/1, is_empty/1, to_list/1, from_list/1,
         is_element/2, add_element/2, del_element/2, union/2, union/1,
         intersection/2, intersection/1, is_disjoint/2, subtract/2,
         is_subset/2, fold/3, filter/2,
         %% OTP 27 additions
         is_equal/2, map/2, filtermap/2]).

new() -> [].

is_set(L) when is_list(L) -> is_ordered(L);
is_set(_) -> false.

is_ordered([A | [B | _] = T]) -> A < B andalso is_ordered(T);
is_ordered([_]) -> true;
is_ordered([]) -> true.

size(S) -> length(S).

is_empty(S) -> S =:= [].

to_list(S) -> S.

from_list(L) -> lists:usort(L).

is_element(E, [H | _]) when E < H -> false;
is_element(E, [H | T]) when E > H -> is_element(E, T);
is_element(_, [_ | _]) -> true;
is_element(_, []) -> false.

add_element(E, [H | _] = S) when E < H -> [E | S];
add_element(E, [H | T]) when E > H -> [H | add_element(E, T)];
add_element(_, [_ | _] = S) -> S;
add_element(E, []) -> [E].

del_element(E, [H | _] = S) when E < H -> S;
del_element(E, [H | T]) when E > H -> [H | del_element(E, T)];
del_element(_, [_ | T]) -> T;
del_element(_, []) -> [].

union([H1 | T1], [H2 | _] = S2) when H1 < H2 -> [H1 | union(T1, S2)];
union([H1 | _] = S1, [H2 | T2]) when H1 > H2 -> [H2 | union(T2, S1)];
union([H1 | T1], [_ | T2]) -> [H1 | union(T1, T2)];
union([], S2) when is_list(S2) -> S2;
union(S1, []) when is_list(S1) -> S1.

union(Sets) when is_list(Sets) -> union_all(Sets, []).

union_all([S | Ss], Acc) -> union_all(Ss, union(Acc, S));
union_all([], Acc) -> Acc.

intersection([H1 | T1], [H2 | _] = S2) when H1 < H2 -> intersection(T1, S2);
intersection([H1 | _] = S1, [H2 | T2]) when H1 > H2 -> intersection(T2, S1);
intersection([H1 | T1], [_ | T2]) -> [H1 | intersection(T1, T2)];
intersection([], S2) when is_list(S2) -> [];
intersection(S1, []) when is_list(S1) -> [].

intersection([S | Ss]) -> intersection_all(Ss, S).

intersection_all([S | Ss], Acc) -> intersection_all(Ss, intersection(Acc, S));
intersection_all([], Acc) -> Acc.

is_disjoint([H1 | T1], [H2 | _] = S2) when H1 < H2 -> is_disjoint(T1, S2);
is_disjoint([H1 | _] = S1, [H2 | T2]) when H1 > H2 -> is_disjoint(S1, T2);
is_disjoint([_ | _], [_ | _]) -> false;
is_disjoint([], S2) when is_list(S2) -> true;
is_disjoint(S1, []) when is_list(S1) -> true.

subtract([H1 | T1], [H2 | _] = S2) when H1 < H2 -> [H1 | subtract(T1, S2)];
subtract([H1 | _] = S1, [H2 | T2]) when H1 > H2 -> subtract(S1, T2);
subtract([_ | T1], [_ | T2]) -> subtract(T1, T2);
subtract([], S2) when is_list(S2) -> [];
subtract(S1, []) when is_list(S1) -> S1.

is_subset([H1 | _], [H2 | _]) when H1 < H2 -> false;
is_subset([H1 | _] = S1, [H2 | T2]) when H1 > H2 -> is_subset(S1, T2);
is_subset([_ | T1], [_ | T2]) -> is_subset(T1, T2);
is_subset([], S2) when is_list(S2) -> true;
is_subset(S1, []) when is_list(S1) -> S1 =:= [].

%% Errors as on the BEAM: a set that is not a list is a `case_clause`, an
%% improper tail a `function_clause`.
fold(F, Acc, S) when is_function(F, 2) ->
    case S of
        [_ | _] -> fold_list(F, Acc, S);
        [] -> Acc;
        _ -> erlang:error({case_clause, S})
    end.

fold_list(F, Acc, [E | Es]) -> fold_list(F, F(E, Acc), Es);
fold_list(_, Acc, []) -> Acc.

filter(F, S) when is_function(F, 1) -> [E || E <- S, F(E)].

is_equal(S1, S2) when is_list(S1), is_list(S2) -> S1 == S2.

%% Errors as on the BEAM: map/2 of a non-list is a `case_clause`,
%% filtermap/2 of one a `function_clause`.
map(F, S) when is_function(F, 1) -> lists:usort(map_list(F, S)).

map_list(F, [E | Es]) -> [F(E) | map_list(F, Es)];
map_list(_, []) -> [];
map_list(_, Other) -> erlang:error({case_clause, Other}).

filtermap(F, S) when is_function(F, 1) -> lists:usort(lists:filtermap(F, S)).

