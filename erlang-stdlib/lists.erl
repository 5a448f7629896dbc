%% Gluon standard library: the `lists` module.
%%
%% Written from the documented semantics of OTP's `lists` module (OTP 25 API
%% plus the OTP 26/27 additions enumerate/3, zip/3, zip3/4, zipwith/4 and
%% zipwith3/5).  Results and error reasons are meant to be identical to OTP's,
%% with one deliberate exception: sort/1 and keysort/2 are strictly stable,
%% so terms that compare equal but differ (such as 1 and 1.0) keep their
%% input order, where OTP's order for them is an artifact of its algorithm.
%%
%% reverse/2, keyfind/3, keymember/3, keysearch/3 and member/2 are native BIFs
%% in the VM and are therefore not defined here.
-module(lists).

-export([append/1, append/2, subtract/2, reverse/1,
         nth/2, nthtail/2, prefix/2, suffix/2, droplast/1, last/1,
         seq/2, seq/3, sum/1, duplicate/2, min/1, max/1,
         sublist/2, sublist/3, delete/2,
         zip/2, zip/3, unzip/1, zip3/3, zip3/4, unzip3/1,
         zipwith/3, zipwith/4, zipwith3/4, zipwith3/5,
         concat/1, flatten/1, flatten/2, flatlength/1,
         sort/1, sort/2, usort/1, usort/2,
         merge/1, merge/2, merge/3, rmerge/2, rmerge/3,
         merge3/3, rmerge3/3,
         umerge/1, umerge/2, umerge/3, rumerge/2, rumerge/3,
         umerge3/3, rumerge3/3,
         keydelete/3, keyreplace/4, keytake/3, keystore/4, keymap/3,
         keysort/2, ukeysort/2, keymerge/3, rkeymerge/3,
         ukeymerge/3, rukeymerge/3,
         enumerate/1, enumerate/2, enumerate/3,
         all/2, any/2, map/2, flatmap/2, foldl/3, foldr/3, filter/2,
         partition/2, filtermap/2, zf/2, foreach/2, mapfoldl/3, mapfoldr/3,
         takewhile/2, dropwhile/2, search/2, splitwith/2, split/2, join/2,
         uniq/1, uniq/2]).

%%% ---------------------------------------------------------------------
%%% Basic list operations
%%% ---------------------------------------------------------------------

append(L1, L2) -> L1 ++ L2.

%% Concatenate a list of lists (the last element may be any term).
append([E]) -> E;
append([H | T]) -> H ++ append(T);
append([]) -> [].

subtract(L1, L2) -> L1 -- L2.

reverse([] = L) -> L;
reverse([_] = L) -> L;
reverse([A, B | T]) -> lists:reverse(T, [B, A]).

nth(1, [H | _]) -> H;
nth(N, [_ | T]) when N > 1 -> nth(N - 1, T).

nthtail(1, [_ | T]) -> T;
nthtail(N, [_ | T]) when N > 1 -> nthtail(N - 1, T);
nthtail(0, L) when is_list(L) -> L.

prefix([X | P], [X | L]) -> prefix(P, L);
prefix([], L) when is_list(L) -> true;
prefix([_ | _], L) when is_list(L) -> false.

suffix(Suffix, List) ->
    D = length(List) - length(Suffix),
    D >= 0 andalso nthtail(D, List) =:= Suffix.

droplast([_]) -> [];
droplast([H | T]) -> [H | droplast(T)].

last([E | Es]) -> last(E, Es).

last(_, [E | Es]) -> last(E, Es);
last(E, []) -> E.

seq(First, Last)
  when is_integer(First), is_integer(Last), First - 1 =< Last ->
    seq_loop(Last - First + 1, Last, []).

seq_loop(N, X, Acc) when N >= 4 ->
    seq_loop(N - 4, X - 4, [X - 3, X - 2, X - 1, X | Acc]);
seq_loop(N, X, Acc) when N >= 1 -> seq_loop(N - 1, X - 1, [X | Acc]);
seq_loop(0, _, Acc) -> Acc.

seq(First, Last, Inc)
  when is_integer(First), is_integer(Last), is_integer(Inc),
       (Inc > 0 andalso First - Inc =< Last orelse
        Inc < 0 andalso First - Inc >= Last) ->
    N = (Last - First + Inc) div Inc,
    seq_step(N, First + (N - 1) * Inc, Inc, []);
seq(X, X, 0) when is_integer(X) -> [X];
seq(_, _, _) -> erlang:error(badarg).

%% Build N elements ending with X, stepping back by Inc.
seq_step(0, _, _, Acc) -> Acc;
seq_step(N, X, Inc, Acc) -> seq_step(N - 1, X - Inc, Inc, [X | Acc]).

sum(L) -> sum(L, 0).

sum([H | T], S) -> sum(T, S + H);
sum([], S) -> S.

duplicate(N, X) when is_integer(N), N >= 0 -> duplicate(N, X, []).

duplicate(0, _, L) -> L;
duplicate(N, X, L) -> duplicate(N - 1, X, [X | L]).

min([H | T]) -> min_1(T, H).

min_1([H | T], M) when H < M -> min_1(T, H);
min_1([_ | T], M) -> min_1(T, M);
min_1([], M) -> M.

max([H | T]) -> max_1(T, H).

max_1([H | T], M) when H > M -> max_1(T, H);
max_1([_ | T], M) -> max_1(T, M);
max_1([], M) -> M.

sublist(List, Len) when is_integer(Len), Len >= 0, is_list(List) ->
    take(List, Len).

%% First Len elements of List (fewer if List is shorter).
take([H | T], Len) when Len > 0 -> [H | take(T, Len - 1)];
take(_, 0) -> [];
take([], _) -> [].

sublist(List, Start, Len) when is_integer(Start), Start >= 1 ->
    sublist_skip(List, Start, Len).

%% Skip Start-1 elements (running off the end gives []), then take Len.
sublist_skip([_ | T], Start, Len) when Start > 1 -> sublist_skip(T, Start - 1, Len);
sublist_skip([], Start, _) when Start > 1 -> [];
sublist_skip(List, 1, Len) -> sublist(List, Len).

delete(X, [X | T]) -> T;
delete(X, [H | T]) -> [H | delete(X, T)];
delete(_, []) -> [].

%%% ---------------------------------------------------------------------
%%% Zipping
%%% ---------------------------------------------------------------------

zip(Xs, Ys) -> zip(Xs, Ys, fail).

zip([X | Xs], [Y | Ys], How) -> [{X, Y} | zip(Xs, Ys, How)];
zip([], [], How) when How =:= fail; How =:= trim -> [];
zip([], [], {pad, {_, _}}) -> [];
zip([_ | _], [], trim) -> [];
zip([], [_ | _], trim) -> [];
zip([], [Y | Ys], {pad, {X, _}} = How) -> [{X, Y} | zip([], Ys, How)];
zip([X | Xs], [], {pad, {_, Y}} = How) -> [{X, Y} | zip(Xs, [], How)].

unzip(Ts) -> unzip(Ts, [], []).

unzip([{X, Y} | Ts], Xs, Ys) -> unzip(Ts, [X | Xs], [Y | Ys]);
unzip([], Xs, Ys) -> {reverse(Xs), reverse(Ys)}.

zip3(Xs, Ys, Zs) -> zip3(Xs, Ys, Zs, fail).

zip3([X | Xs], [Y | Ys], [Z | Zs], How) ->
    [{X, Y, Z} | zip3(Xs, Ys, Zs, How)];
zip3([], [], [], How) when How =:= fail; How =:= trim -> [];
zip3([], [], [], {pad, {_, _, _}}) -> [];
zip3(Xs, Ys, Zs, trim) when is_list(Xs), is_list(Ys), is_list(Zs) -> [];
zip3(Xs, Ys, Zs, {pad, {X, Y, Z}} = How) ->
    {X1, Xs1} = pad(Xs, X),
    {Y1, Ys1} = pad(Ys, Y),
    {Z1, Zs1} = pad(Zs, Z),
    [{X1, Y1, Z1} | zip3(Xs1, Ys1, Zs1, How)].

%% Head and tail of a list, or the padding default for an exhausted list.
pad([H | T], _) -> {H, T};
pad([], D) -> {D, []}.

unzip3(Ts) -> unzip3(Ts, [], [], []).

unzip3([{X, Y, Z} | Ts], Xs, Ys, Zs) ->
    unzip3(Ts, [X | Xs], [Y | Ys], [Z | Zs]);
unzip3([], Xs, Ys, Zs) ->
    {reverse(Xs), reverse(Ys), reverse(Zs)}.

zipwith(F, Xs, Ys) -> zipwith(F, Xs, Ys, fail).

zipwith(F, [X | Xs], [Y | Ys], How) -> [F(X, Y) | zipwith(F, Xs, Ys, How)];
zipwith(F, [], [], How)
  when is_function(F, 2), How =:= fail orelse How =:= trim -> [];
zipwith(F, [], [], {pad, {_, _}}) when is_function(F, 2) -> [];
zipwith(F, [_ | _], [], trim) when is_function(F, 2) -> [];
zipwith(F, [], [_ | _], trim) when is_function(F, 2) -> [];
zipwith(F, [], [Y | Ys], {pad, {X, _}} = How) ->
    [F(X, Y) | zipwith(F, [], Ys, How)];
zipwith(F, [X | Xs], [], {pad, {_, Y}} = How) ->
    [F(X, Y) | zipwith(F, Xs, [], How)].

zipwith3(F, Xs, Ys, Zs) -> zipwith3(F, Xs, Ys, Zs, fail).

zipwith3(F, [X | Xs], [Y | Ys], [Z | Zs], How) ->
    [F(X, Y, Z) | zipwith3(F, Xs, Ys, Zs, How)];
zipwith3(F, [], [], [], How)
  when is_function(F, 3), How =:= fail orelse How =:= trim -> [];
zipwith3(F, [], [], [], {pad, {_, _, _}}) when is_function(F, 3) -> [];
zipwith3(F, Xs, Ys, Zs, trim)
  when is_function(F, 3), is_list(Xs), is_list(Ys), is_list(Zs) -> [];
zipwith3(F, Xs, Ys, Zs, {pad, {X, Y, Z}} = How)
  when Xs =/= []; Ys =/= []; Zs =/= [] ->
    {X1, Xs1} = pad(Xs, X),
    {Y1, Ys1} = pad(Ys, Y),
    {Z1, Zs1} = pad(Zs, Z),
    [F(X1, Y1, Z1) | zipwith3(F, Xs1, Ys1, Zs1, How)].

%%% ---------------------------------------------------------------------
%%% Flattening and concatenation
%%% ---------------------------------------------------------------------

concat(List) -> flatmap(fun thing_to_list/1, List).

thing_to_list(X) when is_integer(X) -> integer_to_list(X);
thing_to_list(X) when is_float(X) -> float_to_list(X);
thing_to_list(X) when is_atom(X) -> atom_to_list(X);
thing_to_list(X) when is_list(X) -> X.

flatten(List) when is_list(List) -> flatten_1(List, []).

flatten(List, Tail) when is_list(List), is_list(Tail) -> flatten_1(List, Tail).

%% Flatten the deep list L in front of Tail.
flatten_1([H | T], Tail) when is_list(H) -> flatten_1(H, flatten_1(T, Tail));
flatten_1([H | T], Tail) -> [H | flatten_1(T, Tail)];
flatten_1([], Tail) -> Tail.

flatlength(List) -> flatlength(List, 0).

flatlength([H | T], N) when is_list(H) -> flatlength(H, flatlength(T, N));
flatlength([_ | T], N) -> flatlength(T, N + 1);
flatlength([], N) -> N.

%%% ---------------------------------------------------------------------
%%% Sorting: stable natural merge sort.  The input is split into maximal
%%% non-decreasing runs and strictly decreasing runs (reversed), so equal
%%% elements keep their order.  Runs are then merged pairwise, alternately
%%% in ascending and descending direction, so every merge is tail recursive.
%%% ---------------------------------------------------------------------

sort([X | T]) -> sort_run(T, X, []);
sort([]) -> [].

%% Runs holds the finished runs, latest first, each in descending order.
sort_run([Y | T], X, Runs) when X =< Y -> sort_up(T, Y, [Y, X], Runs);
sort_run([Y | T], X, Runs) -> sort_down(T, Y, [Y, X], Runs);
sort_run([], X, Runs) -> sort_runs([X], Runs, fun ma/2, fun md/2).

sort_up([Y | T], X, Run, Runs) when X =< Y -> sort_up(T, Y, [Y | Run], Runs);
sort_up([Y | T], _, Run, Runs) -> sort_run(T, Y, [Run | Runs]);
sort_up([], _, Run, Runs) -> sort_runs(Run, Runs, fun ma/2, fun md/2).

%% Here Run is collected in ascending order.
sort_down([Y | T], X, Run, Runs) when Y < X -> sort_down(T, Y, [Y | Run], Runs);
sort_down([Y | T], _, Run, Runs) -> sort_run(T, Y, [reverse(Run) | Runs]);
sort_down([], _, Run, []) -> Run;
sort_down([], _, Run, Runs) -> sort_runs(reverse(Run), Runs, fun ma/2, fun md/2).

%% Merge the runs (Run is the last one).  Up merges two ascending runs into
%% a descending one, Down two descending runs into an ascending one.
sort_runs(Run, Runs, Up, Down) -> sort_desc(lists:reverse(Runs, [Run]), Up, Down).

sort_desc([R], _, _) -> reverse(R);
sort_desc(Rs, Up, Down) -> sort_asc(sort_pass(Rs, Down, []), Up, Down).

sort_asc([R], _, _) -> R;
sort_asc(Rs, Up, Down) -> sort_desc(sort_pass(Rs, Up, []), Up, Down).

sort_pass([A, B | Rs], M, Acc) -> sort_pass(Rs, M, [M(A, B) | Acc]);
sort_pass([R], _, Acc) -> lists:reverse(Acc, [reverse(R)]);
sort_pass([], _, Acc) -> reverse(Acc).

%% Merge ascending runs (first wins ties) giving a descending list.
ma([H1 | T1], [H2 | T2]) -> ma(H1, T1, H2, T2, []).

ma(H1, T1, H2, T2, Acc) when H1 =< H2 ->
    case T1 of
        [H | T] -> ma(H, T, H2, T2, [H1 | Acc]);
        [] -> lists:reverse(T2, [H2, H1 | Acc])
    end;
ma(H1, T1, H2, T2, Acc) ->
    case T2 of
        [H | T] -> ma(H1, T1, H, T, [H2 | Acc]);
        [] -> lists:reverse(T1, [H1, H2 | Acc])
    end.

%% Merge descending runs giving an ascending list; on ties the second
%% (later) run's element goes first, so it ends up last.
md([H1 | T1], [H2 | T2]) -> md(H1, T1, H2, T2, []).

md(H1, T1, H2, T2, Acc) when H1 =< H2 ->
    case T2 of
        [H | T] -> md(H1, T1, H, T, [H2 | Acc]);
        [] -> lists:reverse(T1, [H1, H2 | Acc])
    end;
md(H1, T1, H2, T2, Acc) ->
    case T1 of
        [H | T] -> md(H, T, H2, T2, [H1 | Acc]);
        [] -> lists:reverse(T2, [H2, H1 | Acc])
    end.

sort(F, [X | [_ | _] = T]) -> fsort_run(F, T, X, []);
sort(F, [_] = L) when is_function(F, 2) -> L;
sort(F, []) when is_function(F, 2) -> [].

%% As sort/1; F(X, Y) =:= false is taken to mean Y < X.
fsort_run(F, [Y | T], X, Runs) ->
    case F(X, Y) of
        true -> fsort_up(F, T, Y, [Y, X], Runs);
        false -> fsort_down(F, T, Y, [Y, X], Runs)
    end;
fsort_run(F, [], X, Runs) -> fsort_runs(F, [X], Runs).

fsort_up(F, [Y | T], X, Run, Runs) ->
    case F(X, Y) of
        true -> fsort_up(F, T, Y, [Y | Run], Runs);
        false -> fsort_run(F, T, Y, [Run | Runs])
    end;
fsort_up(F, [], _, Run, Runs) -> fsort_runs(F, Run, Runs).

fsort_down(F, [Y | T], X, Run, Runs) ->
    case F(X, Y) of
        false -> fsort_down(F, T, Y, [Y | Run], Runs);
        true -> fsort_run(F, T, Y, [reverse(Run) | Runs])
    end;
fsort_down(_, [], _, Run, []) -> Run;
fsort_down(F, [], _, Run, Runs) -> fsort_runs(F, reverse(Run), Runs).

fsort_runs(F, Run, Runs) ->
    sort_runs(Run, Runs,
              fun([H1 | T1], [H2 | T2]) -> fma(F, H1, T1, H2, T2, []) end,
              fun([H1 | T1], [H2 | T2]) -> fmd(F, H1, T1, H2, T2, []) end).

fma(F, H1, T1, H2, T2, Acc) ->
    case F(H1, H2) of
        true ->
            case T1 of
                [H | T] -> fma(F, H, T, H2, T2, [H1 | Acc]);
                [] -> lists:reverse(T2, [H2, H1 | Acc])
            end;
        false ->
            case T2 of
                [H | T] -> fma(F, H1, T1, H, T, [H2 | Acc]);
                [] -> lists:reverse(T1, [H1, H2 | Acc])
            end
    end.

fmd(F, H1, T1, H2, T2, Acc) ->
    case F(H1, H2) of
        true ->
            case T2 of
                [H | T] -> fmd(F, H1, T1, H, T, [H2 | Acc]);
                [] -> lists:reverse(T1, [H1, H2 | Acc])
            end;
        false ->
            case T1 of
                [H | T] -> fmd(F, H, T, H2, T2, [H1 | Acc]);
                [] -> lists:reverse(T2, [H2, H1 | Acc])
            end
    end.

%% Stable sort on element N: like sort/1, but each element's key is
%% extracted once while splitting into runs and carried along in merges.
keysort(N, L) when is_integer(N), N > 0 ->
    case L of
        [] -> L;
        [_] -> L;
        [X, _ | _] -> ksort_run(tl(L), N, X, element(N, X), [])
    end.

ksort_run([Y | T], N, X, KX, Runs) ->
    KY = element(N, Y),
    if KX =< KY -> ksort_up(T, N, KY, [Y, X], Runs);
       true -> ksort_down(T, N, KY, [Y, X], Runs)
    end;
ksort_run([], N, X, _, Runs) -> ksort_runs(N, [X], Runs).

ksort_up([Y | T], N, KX, Run, Runs) ->
    KY = element(N, Y),
    if KX =< KY -> ksort_up(T, N, KY, [Y | Run], Runs);
       true -> ksort_run(T, N, Y, KY, [Run | Runs])
    end;
ksort_up([], N, _, Run, Runs) -> ksort_runs(N, Run, Runs).

ksort_down([Y | T], N, KX, Run, Runs) ->
    KY = element(N, Y),
    if KY < KX -> ksort_down(T, N, KY, [Y | Run], Runs);
       true -> ksort_run(T, N, Y, KY, [reverse(Run) | Runs])
    end;
ksort_down([], _, _, Run, []) -> Run;
ksort_down([], N, _, Run, Runs) -> ksort_runs(N, reverse(Run), Runs).

ksort_runs(N, Run, Runs) ->
    sort_runs(Run, Runs,
              fun([H1 | T1], [H2 | T2]) ->
                      kma(N, H1, element(N, H1), T1, H2, element(N, H2), T2, [])
              end,
              fun([H1 | T1], [H2 | T2]) ->
                      kmd(N, H1, element(N, H1), T1, H2, element(N, H2), T2, [])
              end).

kma(N, H1, K1, T1, H2, K2, T2, Acc) when K1 =< K2 ->
    case T1 of
        [H | T] -> kma(N, H, element(N, H), T, H2, K2, T2, [H1 | Acc]);
        [] -> lists:reverse(T2, [H2, H1 | Acc])
    end;
kma(N, H1, K1, T1, H2, _, T2, Acc) ->
    case T2 of
        [H | T] -> kma(N, H1, K1, T1, H, element(N, H), T, [H2 | Acc]);
        [] -> lists:reverse(T1, [H1, H2 | Acc])
    end.

kmd(N, H1, K1, T1, H2, K2, T2, Acc) when K1 =< K2 ->
    case T2 of
        [H | T] -> kmd(N, H1, K1, T1, H, element(N, H), T, [H2 | Acc]);
        [] -> lists:reverse(T1, [H1, H2 | Acc])
    end;
kmd(N, H1, _, T1, H2, K2, T2, Acc) ->
    case T1 of
        [H | T] -> kmd(N, H, element(N, H), T, H2, K2, T2, [H1 | Acc]);
        [] -> lists:reverse(T2, [H2, H1 | Acc])
    end.

%% The unique sorts sort stably, then keep only the first element of each
%% group of equal ones.
usort([_ | _] = L) -> [X | T] = sort(L), udedup(T, X, [X]);
usort([]) -> [].

udedup([Y | T], X, Acc) when Y == X -> udedup(T, X, Acc);
udedup([Y | T], _, Acc) -> udedup(T, Y, [Y | Acc]);
udedup([], _, Acc) -> reverse(Acc).

usort(F, L) when is_function(F, 2) -> usort_1(F, L).

usort_1(F, [_, _ | _] = L) -> [X | T] = sort(F, L), fudedup(F, T, X, [X]);
usort_1(_, [_] = L) -> L;
usort_1(_, []) -> [].

fudedup(F, [Y | T], X, Acc) ->
    case F(Y, X) of
        true -> fudedup(F, T, X, Acc);
        false -> fudedup(F, T, Y, [Y | Acc])
    end;
fudedup(_, [], _, Acc) -> reverse(Acc).

ukeysort(N, L) when is_integer(N), N > 0 ->
    case L of
        [] -> L;
        [_] -> L;
        [_, _ | _] -> [X | T] = keysort(N, L), ukdedup(T, N, element(N, X), [X])
    end.

ukdedup([Y | T], N, K, Acc) ->
    case element(N, Y) of
        KY when KY == K -> ukdedup(T, N, K, Acc);
        KY -> ukdedup(T, N, KY, [Y | Acc])
    end;
ukdedup([], _, _, Acc) -> reverse(Acc).

%%% ---------------------------------------------------------------------
%%% Merging.  The two-list merges are state machines that hold the current
%%% head of one list while scanning the other; results are accumulated in
%%% reverse.
%%% ---------------------------------------------------------------------

merge(T1, [H2 | T2]) -> reverse(merge_1(T1, H2, T2, []));
merge(T1, []) -> T1.

%% H2 held; take from the first list while its head =< H2.
merge_1([H1 | T1], H2, T2, M) when H1 =< H2 -> merge_1(T1, H2, T2, [H1 | M]);
merge_1([H1 | T1], H2, T2, M) -> merge_2(T1, H1, T2, [H2 | M]);
merge_1([], H2, T2, M) -> lists:reverse(T2, [H2 | M]).

merge_2(T1, H1, [H2 | T2], M) when H1 =< H2 -> merge_1(T1, H2, T2, [H1 | M]);
merge_2(T1, H1, [H2 | T2], M) -> merge_2(T1, H1, T2, [H2 | M]);
merge_2(T1, H1, [], M) -> lists:reverse(T1, [H1 | M]).

%% Merge two descending lists; the second list wins ties.
rmerge(T1, [H2 | T2]) -> reverse(rmerge_1(T1, H2, T2, []));
rmerge(T1, []) -> T1.

rmerge_1([H1 | T1], H2, T2, M) when H1 =< H2 -> rmerge_2(T1, H1, T2, [H2 | M]);
rmerge_1([H1 | T1], H2, T2, M) -> rmerge_1(T1, H2, T2, [H1 | M]);
rmerge_1([], H2, T2, M) -> lists:reverse(T2, [H2 | M]).

rmerge_2(T1, H1, [H2 | T2], M) when H1 =< H2 -> rmerge_2(T1, H1, T2, [H2 | M]);
rmerge_2(T1, H1, [H2 | T2], M) -> rmerge_1(T1, H2, T2, [H1 | M]);
rmerge_2(T1, H1, [], M) -> lists:reverse(T1, [H1 | M]).

merge(F, T1, [H2 | T2]) when is_function(F, 2) ->
    reverse(fmerge_1(F, T1, H2, T2, []));
merge(F, T1, []) when is_function(F, 2) -> T1.

fmerge_1(F, [H1 | T1], H2, T2, M) ->
    case F(H1, H2) of
        true -> fmerge_1(F, T1, H2, T2, [H1 | M]);
        false -> fmerge_2(F, T1, H1, T2, [H2 | M])
    end;
fmerge_1(_, [], H2, T2, M) -> lists:reverse(T2, [H2 | M]).

fmerge_2(F, T1, H1, [H2 | T2], M) ->
    case F(H1, H2) of
        true -> fmerge_1(F, T1, H2, T2, [H1 | M]);
        false -> fmerge_2(F, T1, H1, T2, [H2 | M])
    end;
fmerge_2(_, T1, H1, [], M) -> lists:reverse(T1, [H1 | M]).

rmerge(F, T1, [H2 | T2]) when is_function(F, 2) ->
    reverse(frmerge_1(F, T1, H2, T2, []));
rmerge(F, T1, []) when is_function(F, 2) -> T1.

frmerge_1(F, [H1 | T1], H2, T2, M) ->
    case F(H1, H2) of
        true -> frmerge_2(F, T1, H1, T2, [H2 | M]);
        false -> frmerge_1(F, T1, H2, T2, [H1 | M])
    end;
frmerge_1(_, [], H2, T2, M) -> lists:reverse(T2, [H2 | M]).

frmerge_2(F, T1, H1, [H2 | T2], M) ->
    case F(H1, H2) of
        true -> frmerge_2(F, T1, H1, T2, [H2 | M]);
        false -> frmerge_1(F, T1, H2, T2, [H1 | M])
    end;
frmerge_2(_, T1, H1, [], M) -> lists:reverse(T1, [H1 | M]).

%% Unique merge of ascending lists: like merge/2, but when switching from
%% the first list to the second, the second list's head is dropped if it
%% equals the last element taken (the head of M).
umerge([], T2) -> T2;
umerge([H1 | T1], T2) -> reverse(umerge_2(T1, H1, T2, [])).

umerge_1([H1 | T1], H2, T2, M) when H1 =< H2 -> umerge_1(T1, H2, T2, [H1 | M]);
umerge_1([H1 | T1], H2, T2, M) -> umerge_2(T1, H1, T2, upush(H2, M));
umerge_1([], H2, T2, M) -> lists:reverse(T2, upush(H2, M)).

umerge_2(T1, H1, [H2 | T2], M) when H1 =< H2 -> umerge_1(T1, H2, T2, [H1 | M]);
umerge_2(T1, H1, [H2 | T2], M) -> umerge_2(T1, H1, T2, [H2 | M]);
umerge_2(T1, H1, [], M) -> lists:reverse(T1, [H1 | M]).

%% Unique merge of descending lists: like rmerge/2, but when switching from
%% the second list back to the first, the last element taken (from the
%% second list) is replaced by the first list's head if they are equal.
rumerge(T1, [H2 | T2]) -> reverse(rumerge_1(T1, H2, T2, []));
rumerge(T1, []) -> T1.

rumerge_1([H1 | T1], H2, T2, M) when H1 =< H2 -> rumerge_2(T1, H1, T2, [H2 | M]);
rumerge_1([H1 | T1], H2, T2, M) -> rumerge_1(T1, H2, T2, [H1 | M]);
rumerge_1([], H2, T2, M) -> lists:reverse(T2, [H2 | M]).

rumerge_2(T1, H1, [H2 | T2], M) when H1 =< H2 -> rumerge_2(T1, H1, T2, [H2 | M]);
rumerge_2(T1, H1, [H2 | T2], M) -> rumerge_1(T1, H2, T2, rupush(H1, M));
rumerge_2(T1, H1, [], M) -> lists:reverse(T1, rupush(H1, M)).

%% Push X onto M unless it equals the head of M.
upush(X, [Y | _] = M) when X == Y -> M;
upush(X, M) -> [X | M].

%% Push X onto M, replacing the head of M if equal to X.
rupush(X, [Y | M]) when X == Y -> [X | M];
rupush(X, M) -> [X | M].

umerge(F, [], T2) when is_function(F, 2) -> T2;
umerge(F, [H1 | T1], T2) when is_function(F, 2) ->
    reverse(fumerge_2(F, T1, H1, T2, [])).

fumerge_1(F, [H1 | T1], H2, T2, [L | _] = M) ->
    case F(H1, H2) of
        true -> fumerge_1(F, T1, H2, T2, [H1 | M]);
        false ->
            case F(H2, L) of
                true -> fumerge_2(F, T1, H1, T2, M);
                false -> fumerge_2(F, T1, H1, T2, [H2 | M])
            end
    end;
fumerge_1(F, [], H2, T2, [L | _] = M) ->
    case F(H2, L) of
        true -> lists:reverse(T2, M);
        false -> lists:reverse(T2, [H2 | M])
    end.

fumerge_2(F, T1, H1, [H2 | T2], M) ->
    case F(H1, H2) of
        true -> fumerge_1(F, T1, H2, T2, [H1 | M]);
        false -> fumerge_2(F, T1, H1, T2, [H2 | M])
    end;
fumerge_2(_, T1, H1, [], M) -> lists:reverse(T1, [H1 | M]).

rumerge(F, T1, [H2 | T2]) when is_function(F, 2) ->
    reverse(frumerge_1(F, T1, H2, T2, []));
rumerge(F, T1, []) when is_function(F, 2) -> T1.

frumerge_1(F, [H1 | T1], H2, T2, M) ->
    case F(H1, H2) of
        true -> frumerge_2(F, T1, H1, T2, [H2 | M]);
        false -> frumerge_1(F, T1, H2, T2, [H1 | M])
    end;
frumerge_1(_, [], H2, T2, M) -> lists:reverse(T2, [H2 | M]).

frumerge_2(F, T1, H1, [H2 | T2], [L | _] = M) ->
    case F(H1, H2) of
        true -> frumerge_2(F, T1, H1, T2, [H2 | M]);
        false -> frumerge_1(F, T1, H2, T2, [H1 | pop_if(F(L, H1), M)])
    end;
frumerge_2(F, T1, H1, [], [L | _] = M) ->
    lists:reverse(T1, [H1 | pop_if(F(L, H1), M)]).

%% Drop the head of M if the condition holds.
pop_if(true, [_ | M]) -> M;
pop_if(false, M) -> M.

%% Three-way merges.  merge3_N scans list N while holding the heads of the
%% other two lists; ties go to the lowest-numbered list.  U is true for the
%% unique merges, where an element taken after switching lists is dropped
%% if it equals the previous one.
merge3(L1, [], L3) -> merge(L1, L3);
merge3(L1, L2, []) -> merge(L1, L2);
merge3(L1, [H2 | T2], [H3 | T3]) -> reverse(merge3_1(L1, H2, T2, H3, T3, [], false)).

umerge3(L1, [], L3) -> umerge(L1, L3);
umerge3(L1, L2, []) -> umerge(L1, L2);
umerge3(L1, [H2 | T2], [H3 | T3]) -> reverse(merge3_1(L1, H2, T2, H3, T3, [], true)).

merge3_1([H1 | T1], H2, T2, H3, T3, M, U) when H1 =< H2, H1 =< H3 ->
    merge3_1(T1, H2, T2, H3, T3, [H1 | M], U);
merge3_1([H1 | T1], H2, T2, H3, T3, M, U) when H2 =< H3 ->
    merge3_2(T2, H1, T1, H3, T3, upush(U, H2, M), U);
merge3_1([H1 | T1], H2, T2, H3, T3, M, U) ->
    merge3_3(T3, H1, T1, H2, T2, upush(U, H3, M), U);
merge3_1([], H2, T2, H3, T3, M, U) -> merge3_12(H2, T2, H3, T3, M, U).

merge3_2([H2 | T2], H1, T1, H3, T3, M, U) when H2 < H1, H2 =< H3 ->
    merge3_2(T2, H1, T1, H3, T3, [H2 | M], U);
merge3_2([H2 | T2], H1, T1, H3, T3, M, U) when H1 =< H3 ->
    merge3_1(T1, H2, T2, H3, T3, upush(U, H1, M), U);
merge3_2([H2 | T2], H1, T1, H3, T3, M, U) ->
    merge3_3(T3, H1, T1, H2, T2, upush(U, H3, M), U);
merge3_2([], H1, T1, H3, T3, M, U) -> merge3_12(H1, T1, H3, T3, M, U).

merge3_3([H3 | T3], H1, T1, H2, T2, M, U) when H3 < H1, H3 < H2 ->
    merge3_3(T3, H1, T1, H2, T2, [H3 | M], U);
merge3_3([H3 | T3], H1, T1, H2, T2, M, U) when H1 =< H2 ->
    merge3_1(T1, H2, T2, H3, T3, upush(U, H1, M), U);
merge3_3([H3 | T3], H1, T1, H2, T2, M, U) ->
    merge3_2(T2, H1, T1, H3, T3, upush(U, H2, M), U);
merge3_3([], H1, T1, H2, T2, M, U) -> merge3_12(H1, T1, H2, T2, M, U).

%% One list is exhausted: continue with a two-way merge of lists A and B.
merge3_12(HA, TA, HB, TB, M, false) when HA =< HB -> merge_1(TA, HB, TB, [HA | M]);
merge3_12(HA, TA, HB, TB, M, false) -> merge_2(TA, HA, TB, [HB | M]);
merge3_12(HA, TA, HB, TB, M, true) when HA =< HB -> umerge_1(TA, HB, TB, upush(HA, M));
merge3_12(HA, TA, HB, TB, M, true) -> umerge_2(TA, HA, TB, upush(HB, M)).

upush(false, X, M) -> [X | M];
upush(true, X, M) -> upush(X, M).

%% The descending versions; ties go to the highest-numbered list, and the
%% unique merges replace an equal previous element instead of dropping.
rmerge3(L1, [], L3) -> rmerge(L1, L3);
rmerge3(L1, L2, []) -> rmerge(L1, L2);
rmerge3(L1, [H2 | T2], [H3 | T3]) -> reverse(rmerge3_1(L1, H2, T2, H3, T3, [], false)).

rumerge3(L1, [], L3) -> rumerge(L1, L3);
rumerge3(L1, L2, []) -> rumerge(L1, L2);
rumerge3(L1, [H2 | T2], [H3 | T3]) -> reverse(rmerge3_1(L1, H2, T2, H3, T3, [], true)).

rmerge3_1([H1 | T1], H2, T2, H3, T3, M, U) when H1 > H2, H1 > H3 ->
    rmerge3_1(T1, H2, T2, H3, T3, [H1 | M], U);
rmerge3_1([H1 | T1], H2, T2, H3, T3, M, U) when H2 > H3 ->
    rmerge3_2(T2, H1, T1, H3, T3, rupush(U, H2, M), U);
rmerge3_1([H1 | T1], H2, T2, H3, T3, M, U) ->
    rmerge3_3(T3, H1, T1, H2, T2, rupush(U, H3, M), U);
rmerge3_1([], H2, T2, H3, T3, M, U) -> rmerge3_12(H2, T2, H3, T3, M, U).

rmerge3_2([H2 | T2], H1, T1, H3, T3, M, U) when H2 >= H1, H2 > H3 ->
    rmerge3_2(T2, H1, T1, H3, T3, [H2 | M], U);
rmerge3_2([H2 | T2], H1, T1, H3, T3, M, U) when H1 > H3 ->
    rmerge3_1(T1, H2, T2, H3, T3, rupush(U, H1, M), U);
rmerge3_2([H2 | T2], H1, T1, H3, T3, M, U) ->
    rmerge3_3(T3, H1, T1, H2, T2, rupush(U, H3, M), U);
rmerge3_2([], H1, T1, H3, T3, M, U) -> rmerge3_12(H1, T1, H3, T3, M, U).

rmerge3_3([H3 | T3], H1, T1, H2, T2, M, U) when H3 >= H1, H3 >= H2 ->
    rmerge3_3(T3, H1, T1, H2, T2, [H3 | M], U);
rmerge3_3([H3 | T3], H1, T1, H2, T2, M, U) when H1 > H2 ->
    rmerge3_1(T1, H2, T2, H3, T3, rupush(U, H1, M), U);
rmerge3_3([H3 | T3], H1, T1, H2, T2, M, U) ->
    rmerge3_2(T2, H1, T1, H3, T3, rupush(U, H2, M), U);
rmerge3_3([], H1, T1, H2, T2, M, U) -> rmerge3_12(H1, T1, H2, T2, M, U).

rmerge3_12(HA, TA, HB, TB, M, false) when HA =< HB -> rmerge_2(TA, HA, TB, [HB | M]);
rmerge3_12(HA, TA, HB, TB, M, false) -> rmerge_1(TA, HB, TB, [HA | M]);
rmerge3_12(HA, TA, HB, TB, M, true) when HA =< HB -> rumerge_2(TA, HA, TB, rupush(HB, M));
rmerge3_12(HA, TA, HB, TB, M, true) -> rumerge_1(TA, HB, TB, rupush(HA, M)).

rupush(false, X, M) -> [X | M];
rupush(true, X, M) -> rupush(X, M).

%% Merge a list of sorted lists.  Empty lists are skipped; the others are
%% merged three (or two) at a time into descending lists, which mergel_r
%% merges three at a time into ascending lists, and so on.
merge(Ls) -> mergel(Ls, []).

mergel([[] | L], Acc) -> mergel(L, Acc);
mergel([A, [] | L], Acc) -> mergel([A | L], Acc);
mergel([A, B, [] | L], Acc) -> mergel([A, B | L], Acc);
mergel([T1, [H2 | T2], [H3 | T3] | L], Acc) ->
    mergel(L, [merge3_1(T1, H2, T2, H3, T3, [], false) | Acc]);
mergel([T1, [H2 | T2]], Acc) -> mergel_r([merge_1(T1, H2, T2, []) | Acc], []);
mergel([L], []) -> L;
mergel([L], Acc) -> mergel_r([lists:reverse(L, []) | Acc], []);
mergel([], []) -> [];
mergel([], [R]) -> reverse(R);
mergel([], Acc) -> mergel_r(Acc, []).

%% Descending lists, latest first.
mergel_r([[H3 | T3], [H2 | T2], T1 | L], Acc) ->
    mergel_r(L, [rmerge3_1(T1, H2, T2, H3, T3, [], false) | Acc]);
mergel_r([[H2 | T2], T1 | L], Acc) -> mergel_r(L, [rmerge_1(T1, H2, T2, []) | Acc]);
mergel_r([R], Acc) -> mergel([reverse(R) | Acc], []);
mergel_r([], Acc) -> mergel(Acc, []).

umerge(Ls) -> umergel(Ls, []).

umergel([[] | L], Acc) -> umergel(L, Acc);
umergel([A, [] | L], Acc) -> umergel([A | L], Acc);
umergel([A, B, [] | L], Acc) -> umergel([A, B | L], Acc);
umergel([T1, [H2 | T2], [H3 | T3] | L], Acc) ->
    umergel(L, [merge3_1(T1, H2, T2, H3, T3, [], true) | Acc]);
umergel([[H1 | T1], T2 | L], Acc) -> umergel(L, [umerge_2(T1, H1, T2, []) | Acc]);
umergel([L], []) -> L;
umergel([L], Acc) -> umergel_r([lists:reverse(L, []) | Acc], []);
umergel([], []) -> [];
umergel([], [R]) -> reverse(R);
umergel([], Acc) -> umergel_r(Acc, []).

umergel_r([[H3 | T3], [H2 | T2], T1 | L], Acc) ->
    umergel_r(L, [rmerge3_1(T1, H2, T2, H3, T3, [], true) | Acc]);
umergel_r([[H2 | T2], T1 | L], Acc) -> umergel_r(L, [rumerge_1(T1, H2, T2, []) | Acc]);
umergel_r([R], Acc) -> umergel([reverse(R) | Acc], []);
umergel_r([], Acc) -> umergel(Acc, []).

%%% ---------------------------------------------------------------------
%%% Tuple lists
%%% ---------------------------------------------------------------------

keydelete(K, N, L) when is_integer(N), N > 0 -> keydelete_1(K, N, L).

keydelete_1(K, N, [H | T]) when element(N, H) == K -> T;
keydelete_1(K, N, [H | T]) -> [H | keydelete_1(K, N, T)];
keydelete_1(_, _, []) -> [].

keyreplace(K, N, L, New) when is_integer(N), N > 0, is_tuple(New) ->
    keyreplace_1(K, N, L, New).

keyreplace_1(K, N, [H | T], New) when element(N, H) == K -> [New | T];
keyreplace_1(K, N, [H | T], New) -> [H | keyreplace_1(K, N, T, New)];
keyreplace_1(_, _, [], _) -> [].

keytake(K, N, L) when is_integer(N), N > 0 -> keytake(K, N, L, []).

keytake(K, N, [H | T], Acc) when element(N, H) == K ->
    {value, H, lists:reverse(Acc, T)};
keytake(K, N, [H | T], Acc) -> keytake(K, N, T, [H | Acc]);
keytake(_, _, [], _) -> false.

keystore(K, N, L, New) when is_integer(N), N > 0, is_tuple(New) ->
    keystore_1(K, N, L, New).

keystore_1(K, N, [H | T], New) when element(N, H) == K -> [New | T];
keystore_1(K, N, [H | T], New) -> [H | keystore_1(K, N, T, New)];
keystore_1(_, _, [], New) -> [New].

keymap(F, N, [T | Ts]) ->
    [setelement(N, T, F(element(N, T))) | keymap(F, N, Ts)];
keymap(F, N, []) when is_integer(N), N >= 1, is_function(F, 1) -> [].

%% Key merges work like merge/2 etc. but compare element N; the key of
%% the element being held is computed once.
keymerge(N, T1, L2) when is_integer(N), N > 0 ->
    case L2 of
        [H2 | T2] -> reverse(keymerge_1(N, T1, H2, element(N, H2), T2, []));
        [] -> T1
    end.

keymerge_1(N, [H1 | T1], H2, E2, T2, M) ->
    E1 = element(N, H1),
    if E1 =< E2 -> keymerge_1(N, T1, H2, E2, T2, [H1 | M]);
       true -> keymerge_2(N, T1, H1, E1, T2, [H2 | M])
    end;
keymerge_1(_, [], H2, _, T2, M) -> lists:reverse(T2, [H2 | M]).

keymerge_2(N, T1, H1, E1, [H2 | T2], M) ->
    E2 = element(N, H2),
    if E1 =< E2 -> keymerge_1(N, T1, H2, E2, T2, [H1 | M]);
       true -> keymerge_2(N, T1, H1, E1, T2, [H2 | M])
    end;
keymerge_2(_, T1, H1, _, [], M) -> lists:reverse(T1, [H1 | M]).

rkeymerge(N, T1, L2) when is_integer(N), N > 0 ->
    case L2 of
        [H2 | T2] -> reverse(rkeymerge_1(N, T1, H2, element(N, H2), T2, []));
        [] -> T1
    end.

rkeymerge_1(N, [H1 | T1], H2, E2, T2, M) ->
    E1 = element(N, H1),
    if E1 =< E2 -> rkeymerge_2(N, T1, H1, E1, T2, [H2 | M]);
       true -> rkeymerge_1(N, T1, H2, E2, T2, [H1 | M])
    end;
rkeymerge_1(_, [], H2, _, T2, M) -> lists:reverse(T2, [H2 | M]).

rkeymerge_2(N, T1, H1, E1, [H2 | T2], M) ->
    E2 = element(N, H2),
    if E1 =< E2 -> rkeymerge_2(N, T1, H1, E1, T2, [H2 | M]);
       true -> rkeymerge_1(N, T1, H2, E2, T2, [H1 | M])
    end;
rkeymerge_2(_, T1, H1, _, [], M) -> lists:reverse(T1, [H1 | M]).

%% EL is the key of the last element taken from the first list.
ukeymerge(N, L1, T2) when is_integer(N), N > 0 ->
    case L1 of
        [H1 | T1] -> reverse(ukeymerge_2(N, T1, H1, element(N, H1), T2, []));
        [] -> T2
    end.

ukeymerge_1(N, [H1 | T1], H2, E2, T2, M, EL) ->
    E1 = element(N, H1),
    if E1 =< E2 -> ukeymerge_1(N, T1, H2, E2, T2, [H1 | M], E1);
       E2 == EL -> ukeymerge_2(N, T1, H1, E1, T2, M);
       true -> ukeymerge_2(N, T1, H1, E1, T2, [H2 | M])
    end;
ukeymerge_1(_, [], H2, E2, T2, M, EL) ->
    if E2 == EL -> lists:reverse(T2, M);
       true -> lists:reverse(T2, [H2 | M])
    end.

ukeymerge_2(N, T1, H1, E1, [H2 | T2], M) ->
    E2 = element(N, H2),
    if E1 =< E2 -> ukeymerge_1(N, T1, H2, E2, T2, [H1 | M], E1);
       true -> ukeymerge_2(N, T1, H1, E1, T2, [H2 | M])
    end;
ukeymerge_2(_, T1, H1, _, [], M) -> lists:reverse(T1, [H1 | M]).

%% EL is the key of the last element taken from the second list.
rukeymerge(N, T1, L2) when is_integer(N), N > 0 ->
    case L2 of
        [H2 | T2] -> reverse(rukeymerge_1(N, T1, H2, element(N, H2), T2, []));
        [] -> T1
    end.

rukeymerge_1(N, [H1 | T1], H2, E2, T2, M) ->
    E1 = element(N, H1),
    if E1 =< E2 -> rukeymerge_2(N, T1, H1, E1, T2, [H2 | M], E2);
       true -> rukeymerge_1(N, T1, H2, E2, T2, [H1 | M])
    end;
rukeymerge_1(_, [], H2, _, T2, M) -> lists:reverse(T2, [H2 | M]).

rukeymerge_2(N, T1, H1, E1, [H2 | T2], M, EL) ->
    E2 = element(N, H2),
    if E1 =< E2 -> rukeymerge_2(N, T1, H1, E1, T2, [H2 | M], E2);
       true -> rukeymerge_1(N, T1, H2, E2, T2, [H1 | pop_if(EL == E1, M)])
    end;
rukeymerge_2(_, T1, H1, E1, [], M, EL) ->
    lists:reverse(T1, [H1 | pop_if(EL == E1, M)]).

%%% ---------------------------------------------------------------------
%%% Higher-order functions.  As in OTP, all/2, any/2, map/2 and foldl/3
%%% fail with case_clause on a non-list argument, the others with
%%% function_clause; a fun of the wrong arity gives function_clause.
%%% ---------------------------------------------------------------------

enumerate(List) -> enumerate(1, 1, List).

enumerate(Index, List) -> enumerate(Index, 1, List).

enumerate(Index, Step, List) when is_integer(Index), is_integer(Step) ->
    enumerate_1(Index, Step, List).

%% Pair each element with its index, starting at I and stepping by S.
enumerate_1(I, S, [H | T]) -> [{I, H} | enumerate_1(I + S, S, T)];
enumerate_1(_, _, []) -> [].

all(P, L) when is_function(P, 1) ->
    case L of
        [_ | _] -> all_1(P, L);
        [] -> true
    end.

all_1(P, [H | T]) ->
    case P(H) of
        true -> all_1(P, T);
        false -> false
    end;
all_1(_, []) -> true.

any(P, L) when is_function(P, 1) ->
    case L of
        [_ | _] -> any_1(P, L);
        [] -> false
    end.

any_1(P, [H | T]) ->
    case P(H) of
        true -> true;
        false -> any_1(P, T)
    end;
any_1(_, []) -> false.

map(F, L) when is_function(F, 1) ->
    case L of
        [_ | _] -> map_1(F, L);
        [] -> []
    end.

map_1(F, [H | T]) -> [F(H) | map_1(F, T)];
map_1(_, []) -> [].

flatmap(F, L) when is_function(F, 1) -> flatmap_1(F, L).

flatmap_1(F, [H | T]) -> F(H) ++ flatmap_1(F, T);
flatmap_1(_, []) -> [].

foldl(F, Acc, L) when is_function(F, 2) ->
    case L of
        [_ | _] -> foldl_1(F, Acc, L);
        [] -> Acc
    end.

foldl_1(F, Acc, [H | T]) -> foldl_1(F, F(H, Acc), T);
foldl_1(_, Acc, []) -> Acc.

foldr(F, Acc, L) when is_function(F, 2) -> foldr_1(F, Acc, L).

foldr_1(F, Acc, [H | T]) -> F(H, foldr_1(F, Acc, T));
foldr_1(_, Acc, []) -> Acc.

filter(P, L) when is_function(P, 1) -> [E || E <- L, P(E)].

partition(P, L) when is_function(P, 1) -> partition_1(P, L, [], []).

partition_1(P, [H | T], As, Bs) ->
    case P(H) of
        true -> partition_1(P, T, [H | As], Bs);
        false -> partition_1(P, T, As, [H | Bs])
    end;
partition_1(_, [], As, Bs) -> {reverse(As), reverse(Bs)}.

filtermap(F, L) when is_function(F, 1) -> filtermap_1(F, L).

filtermap_1(F, [H | T]) ->
    case F(H) of
        false -> filtermap_1(F, T);
        true -> [H | filtermap_1(F, T)];
        {true, V} -> [V | filtermap_1(F, T)]
    end;
filtermap_1(_, []) -> [].

zf(F, L) -> filtermap(F, L).

foreach(F, L) when is_function(F, 1) -> foreach_1(F, L).

foreach_1(F, [H | T]) -> F(H), foreach_1(F, T);
foreach_1(_, []) -> ok.

mapfoldl(F, Acc, L) when is_function(F, 2) -> mapfoldl_1(F, Acc, L).

mapfoldl_1(F, Acc0, [H | T]) ->
    {R, Acc1} = F(H, Acc0),
    {Rs, Acc2} = mapfoldl_1(F, Acc1, T),
    {[R | Rs], Acc2};
mapfoldl_1(_, Acc, []) -> {[], Acc}.

mapfoldr(F, Acc, L) when is_function(F, 2) -> mapfoldr_1(F, Acc, L).

mapfoldr_1(F, Acc0, [H | T]) ->
    {Rs, Acc1} = mapfoldr_1(F, Acc0, T),
    {R, Acc2} = F(H, Acc1),
    {[R | Rs], Acc2};
mapfoldr_1(_, Acc, []) -> {[], Acc}.

takewhile(P, L) when is_function(P, 1) -> takewhile_1(P, L).

takewhile_1(P, [H | T]) ->
    case P(H) of
        true -> [H | takewhile_1(P, T)];
        false -> []
    end;
takewhile_1(_, []) -> [].

dropwhile(P, L) when is_function(P, 1) -> dropwhile_1(P, L).

dropwhile_1(P, [H | T] = L) ->
    case P(H) of
        true -> dropwhile_1(P, T);
        false -> L
    end;
dropwhile_1(_, []) -> [].

search(P, L) when is_function(P, 1) -> search_1(P, L).

search_1(P, [H | T]) ->
    case P(H) of
        true -> {value, H};
        false -> search_1(P, T)
    end;
search_1(_, []) -> false.

splitwith(P, L) when is_function(P, 1) -> splitwith_1(P, L, []).

splitwith_1(P, [H | T], Acc) ->
    case P(H) of
        true -> splitwith_1(P, T, [H | Acc]);
        false -> {reverse(Acc), [H | T]}
    end;
splitwith_1(_, [], Acc) -> {reverse(Acc), []}.

split(N, List) when is_integer(N), N >= 0, is_list(List) ->
    case split(N, List, []) of
        {_, _} = R -> R;
        badarg -> erlang:error(badarg, [N, List])
    end;
split(N, List) -> erlang:error(badarg, [N, List]).

%% Returns badarg if the list is too short.
split(0, L, Acc) -> {reverse(Acc), L};
split(N, [H | T], Acc) -> split(N - 1, T, [H | Acc]);
split(_, [], _) -> badarg.

join(_, []) -> [];
join(Sep, [H | T]) -> [H | join_1(Sep, T)].

join_1(_, []) -> [];
join_1(Sep, [H | T]) -> [Sep, H | join_1(Sep, T)].

%% Remove later duplicates (exact =:= equality), keeping first occurrences.
uniq(L) -> uniq_1(L, #{}).

uniq_1([X | Xs], Seen) ->
    case is_map_key(X, Seen) of
        true -> uniq_1(Xs, Seen);
        false -> [X | uniq_1(Xs, Seen#{X => []})]
    end;
uniq_1([], _) -> [].

uniq(F, L) when is_function(F, 1) -> uniq_2(L, F, #{}).

uniq_2([X | Xs], F, Seen) ->
    K = F(X),
    case is_map_key(K, Seen) of
        true -> uniq_2(Xs, F, Seen);
        false -> [X | uniq_2(Xs, F, Seen#{K => []})]
    end;
uniq_2([], _, _) -> [].
