%% Gluon's `queue` module: double-ended FIFO queues (the "original" and
%% "extended" APIs and the Okasaki names).
%%
%% A queue is `{Rear, Front}`: `Front` holds the first elements in order,
%% `Rear` the last ones in reverse, so the queue's list is
%% `Front ++ lists:reverse(Rear)`. This is the shape OTP documents as
%% observable when a queue is printed; when one end runs dry the other is
%% split so both ends stay cheap. Anything that is not a pair of lists is
%% rejected with `badarg`, as on the BEAM.
-module(queue).
-export([new/0, is_queue/1, is_empty/1, len/1, to_list/1, from_list/1,
         member/2, in/2, in_r/2, out/1, out_r/1, reverse/1, split/2,
         join/2, filter/2, filtermap/2, fold/3, any/2, all/2, delete/2,
         delete_r/2, delete_with/2, delete_with_r/2, get/1, get_r/1,
         peek/1, peek_r/1, drop/1, drop_r/1, head/1, tail/1, last/1,
         liat/1, cons/2, snoc/2, daeh/1, init/1, lait/1]).

-define(IS_Q(R, F), is_list(R), is_list(F)).

new() -> {[], []}.

is_queue({R, F}) when ?IS_Q(R, F) -> true;
is_queue(_) -> false.

is_empty({[], []}) -> true;
is_empty({R, F}) when ?IS_Q(R, F) -> false;
is_empty(Q) -> erlang:error(badarg, [Q]).

len({R, F}) when ?IS_Q(R, F) -> length(R) + length(F);
len(Q) -> erlang:error(badarg, [Q]).

to_list({R, F}) when ?IS_Q(R, F) -> F ++ lists:reverse(R);
to_list(Q) -> erlang:error(badarg, [Q]).

%% The first half goes to the front, the rest (reversed) to the rear.
from_list(L) when is_list(L) -> halve_front(L);
from_list(L) -> erlang:error(badarg, [L]).

member(X, {R, F}) when ?IS_Q(R, F) -> lists:member(X, F) orelse lists:member(X, R);
member(X, Q) -> erlang:error(badarg, [X, Q]).

%% ---------------------------------------------------------------- ends

in(X, {[E], []}) -> {[X], [E]};
in(X, {R, F}) when ?IS_Q(R, F) -> {[X | R], F};
in(X, Q) -> erlang:error(badarg, [X, Q]).

in_r(X, {[], [E]}) -> {[E], [X]};
in_r(X, {R, F}) when ?IS_Q(R, F) -> {R, [X | F]};
in_r(X, Q) -> erlang:error(badarg, [X, Q]).

out({[], []} = Q) -> {empty, Q};
out({[X], []}) -> {{value, X}, {[], []}};
out({[Newest | Older], []}) ->
    [X | F] = lists:reverse(Older),
    {{value, X}, {[Newest], F}};
out({R, [X]}) when is_list(R) -> {{value, X}, halve_rear(R)};
out({R, [X | F]}) when is_list(R) -> {{value, X}, {R, F}};
out(Q) -> erlang:error(badarg, [Q]).

out_r({[], []} = Q) -> {empty, Q};
out_r({[], [X]}) -> {{value, X}, {[], []}};
out_r({[], [Oldest | Newer]}) ->
    [X | R] = lists:reverse(Newer),
    {{value, X}, {R, [Oldest]}};
out_r({[X], F}) when is_list(F) -> {{value, X}, halve_front(F)};
out_r({[X | R], F}) when is_list(F) -> {{value, X}, {R, F}};
out_r(Q) -> erlang:error(badarg, [Q]).

get(Q) -> first(Q).
get_r(Q) -> final(Q).
peek(Q) ->
    case is_empty(Q) of
        true -> empty;
        false -> {value, first(Q)}
    end.
peek_r(Q) ->
    case is_empty(Q) of
        true -> empty;
        false -> {value, final(Q)}
    end.
drop(Q) -> drop_first(Q).
drop_r(Q) -> drop_final(Q).

head(Q) -> first(Q).
tail(Q) -> drop_first(Q).
daeh(Q) -> final(Q).
last(Q) -> final(Q).
liat(Q) -> drop_final(Q).
init(Q) -> drop_final(Q).
lait(Q) -> drop_final(Q).
cons(X, Q) -> in_r(X, Q).
snoc(Q, X) -> in(X, Q).

%% The oldest and the newest element; an empty queue raises `empty`.
first({[], []}) -> erlang:error(empty);
first({R, [X | _]}) when is_list(R) -> X;
first({R, []}) when is_list(R) -> lists:last(R);
first(Q) -> erlang:error(badarg, [Q]).

final({[], []}) -> erlang:error(empty);
final({[X | _], F}) when is_list(F) -> X;
final({[], F}) when is_list(F) -> lists:last(F);
final(Q) -> erlang:error(badarg, [Q]).

drop_first({[], []}) -> erlang:error(empty);
drop_first({R, F} = Q) when ?IS_Q(R, F) -> element(2, out(Q));
drop_first(Q) -> erlang:error(badarg, [Q]).

drop_final({[], []}) -> erlang:error(empty);
drop_final({R, F} = Q) when ?IS_Q(R, F) -> element(2, out_r(Q));
drop_final(Q) -> erlang:error(badarg, [Q]).

%% ---------------------------------------------------------------- whole queues

reverse({R, F}) when ?IS_Q(R, F) -> {F, R};
reverse(Q) -> erlang:error(badarg, [Q]).

join({R1, F1} = Q1, {[], []}) when ?IS_Q(R1, F1) -> Q1;
join({[], []}, {R2, F2} = Q2) when ?IS_Q(R2, F2) -> Q2;
join({R1, F1}, {R2, F2}) when ?IS_Q(R1, F1), ?IS_Q(R2, F2) ->
    {R2, F1 ++ lists:reverse(R1, F2)};
join(Q1, Q2) -> erlang:error(badarg, [Q1, Q2]).

split(0, {R, F} = Q) when ?IS_Q(R, F) -> {{[], []}, Q};
split(N, {R, F} = Q) when is_integer(N), N > 0, ?IS_Q(R, F) ->
    Lf = length(F),
    if
        N < Lf ->
            {[X | More], Rest} = lists:split(N, F),
            {{lists:reverse(More), [X]}, {R, Rest}};
        N =:= Lf ->
            {halve_front(F), halve_rear(R)};
        true ->
            %% All of the front and the oldest elements of the rear.
            Lr = length(R),
            if
                N > Lf + Lr -> erlang:error(badarg, [N, Q]);
                true ->
                    case lists:split(Lf + Lr - N, R) of
                        {[], Moved} -> {{Moved, F}, {[], []}};
                        {[Newest | Older], Moved} ->
                            {{Moved, F}, {[Newest], lists:reverse(Older)}}
                    end
            end
    end;
split(N, Q) -> erlang:error(badarg, [N, Q]).

%% filter/2: the fun returns a boolean or a list of elements to put in
%% place of the element.
filter(Fun, {R, F}) when is_function(Fun, 1), ?IS_Q(R, F) ->
    F1 = filter_front(Fun, F),
    R1 = filter_rear(Fun, R),
    rebalance(R1, F1);
filter(Fun, Q) -> erlang:error(badarg, [Fun, Q]).

filter_front(Fun, [X | Xs]) ->
    case Fun(X) of
        true -> [X | filter_front(Fun, Xs)];
        false -> filter_front(Fun, Xs);
        L when is_list(L) -> L ++ filter_front(Fun, Xs);
        Other -> erlang:error({case_clause, Other})
    end;
filter_front(_, []) -> [].

%% The rear is newest first: process it oldest first so the fun sees the
%% elements in queue order, and build the new rear back to front.
filter_rear(Fun, R) -> filter_rear(Fun, lists:reverse(R), []).

filter_rear(Fun, [X | Xs], Acc) ->
    case Fun(X) of
        true -> filter_rear(Fun, Xs, [X | Acc]);
        false -> filter_rear(Fun, Xs, Acc);
        L when is_list(L) -> filter_rear(Fun, Xs, lists:reverse(L, Acc));
        Other -> erlang:error({case_clause, Other})
    end;
filter_rear(_, [], Acc) -> Acc.

filtermap(Fun, {R, F}) when is_function(Fun, 1), ?IS_Q(R, F) ->
    F1 = filtermap_list(Fun, F),
    R1 = lists:reverse(filtermap_list(Fun, lists:reverse(R))),
    rebalance(R1, F1);
filtermap(Fun, Q) -> erlang:error(badarg, [Fun, Q]).

filtermap_list(Fun, [X | Xs]) ->
    case Fun(X) of
        true -> [X | filtermap_list(Fun, Xs)];
        false -> filtermap_list(Fun, Xs);
        {true, V} -> [V | filtermap_list(Fun, Xs)];
        Other -> erlang:error({case_clause, Other})
    end;
filtermap_list(_, []) -> [].

%% After filtering, an empty end takes half of the other one.
rebalance(R, []) -> halve_rear(R);
rebalance([], F) -> halve_front(F);
rebalance(R, F) -> {R, F}.

%% When one end is empty, it takes half of the other: the oldest half
%% goes to the front, the newest half to the rear.
halve_front(F) ->
    {F1, Rest} = lists:split(length(F) div 2, F),
    {lists:reverse(Rest), F1}.

halve_rear(R) ->
    {R1, Rest} = lists:split(length(R) div 2, R),
    {R1, lists:reverse(Rest)}.

fold(Fun, Acc, {R, F}) when is_function(Fun, 2), ?IS_Q(R, F) ->
    lists:foldr(Fun, lists:foldl(Fun, Acc, F), R);
fold(Fun, Acc, Q) -> erlang:error(badarg, [Fun, Acc, Q]).

any(Pred, {R, F}) when is_function(Pred, 1), ?IS_Q(R, F) ->
    any_list(Pred, F) orelse any_list(Pred, R);
any(Pred, Q) -> erlang:error(badarg, [Pred, Q]).

all(Pred, {R, F}) when is_function(Pred, 1), ?IS_Q(R, F) ->
    all_list(Pred, F) andalso all_list(Pred, R);
all(Pred, Q) -> erlang:error(badarg, [Pred, Q]).

any_list(Pred, [X | Xs]) ->
    case Pred(X) of
        true -> true;
        false -> any_list(Pred, Xs);
        Other -> erlang:error({case_clause, Other})
    end;
any_list(_, []) -> false.

all_list(Pred, [X | Xs]) ->
    case Pred(X) of
        true -> all_list(Pred, Xs);
        false -> false;
        Other -> erlang:error({case_clause, Other})
    end;
all_list(_, []) -> true.

%% ---------------------------------------------------------------- deletion

delete(Item, {R, F} = Q) when ?IS_Q(R, F) ->
    delete_with_front(fun(X) -> X =:= Item end, Q);
delete(Item, Q) -> erlang:error(badarg, [Item, Q]).

delete_r(Item, {R, F} = Q) when ?IS_Q(R, F) ->
    delete_with_back(fun(X) -> X =:= Item end, Q);
delete_r(Item, Q) -> erlang:error(badarg, [Item, Q]).

delete_with(Pred, {R, F} = Q) when is_function(Pred, 1), ?IS_Q(R, F) ->
    delete_with_front(Pred, Q);
delete_with(Pred, Q) -> erlang:error(badarg, [Pred, Q]).

delete_with_r(Pred, {R, F} = Q) when is_function(Pred, 1), ?IS_Q(R, F) ->
    delete_with_back(Pred, Q);
delete_with_r(Pred, Q) -> erlang:error(badarg, [Pred, Q]).

%% Remove the first matching element in queue order; an end emptied by
%% the removal is refilled from the other.
delete_with_front(Pred, {R, F} = Q) ->
    case delete_first(Pred, F) of
        {ok, []} -> halve_rear(R);
        {ok, F1} -> {R, F1};
        none ->
            case delete_first(Pred, lists:reverse(R)) of
                {ok, []} -> halve_front(F);
                {ok, R1} -> {lists:reverse(R1), F};
                none -> Q
            end
    end.

delete_with_back(Pred, {R, F} = Q) ->
    case delete_first(Pred, R) of
        {ok, []} -> halve_front(F);
        {ok, R1} -> {R1, F};
        none ->
            case delete_first(Pred, lists:reverse(F)) of
                {ok, []} -> halve_rear(R);
                {ok, F1} -> {R, lists:reverse(F1)};
                none -> Q
            end
    end.

delete_first(Pred, [X | Xs]) ->
    case Pred(X) of
        true -> {ok, Xs};
        false ->
            case delete_first(Pred, Xs) of
                {ok, Rest} -> {ok, [X | Rest]};
                none -> none
            end;
        Other -> erlang:error({case_clause, Other})
    end;
delete_first(_, []) -> none.
