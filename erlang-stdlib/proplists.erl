%% Gluon's `proplists` module: property lists, where a property is
%% `{Key, Value}` or an atom `Key` standing for `{Key, true}`.
-module(proplists).
-export([property/1, property/2, unfold/1, compact/1, lookup/2,
         lookup_all/2, is_defined/2, get_value/2, get_value/3,
         get_all_values/2, append_values/2, get_bool/2, get_keys/1,
         delete/2, substitute_aliases/2, substitute_negations/2,
         normalize/2, split/2, to_map/1, from_map/1]).

property({Key, true}) when is_atom(Key) -> Key;
property(Property) -> Property.

property(Key, true) when is_atom(Key) -> Key;
property(Key, Value) -> {Key, Value}.

unfold([P | Ps]) when is_atom(P) -> [{P, true} | unfold(Ps)];
unfold([P | Ps]) -> [P | unfold(Ps)];
unfold([]) -> [].

compact(List) -> [property(P) || P <- List].

lookup(Key, [P | Ps]) ->
    if is_atom(P), P =:= Key -> {Key, true};
       tuple_size(P) >= 1, element(1, P) =:= Key -> P;
       true -> lookup(Key, Ps)
    end;
lookup(_, []) -> none.

lookup_all(Key, [P | Ps]) ->
    if is_atom(P), P =:= Key -> [{Key, true} | lookup_all(Key, Ps)];
       tuple_size(P) >= 1, element(1, P) =:= Key -> [P | lookup_all(Key, Ps)];
       true -> lookup_all(Key, Ps)
    end;
lookup_all(_, []) -> [].

is_defined(Key, [P | Ps]) ->
    if is_atom(P), P =:= Key -> true;
       tuple_size(P) >= 1, element(1, P) =:= Key -> true;
       true -> is_defined(Key, Ps)
    end;
is_defined(_, []) -> false.

get_value(Key, List) -> get_value(Key, List, undefined).

get_value(Key, [P | Ps], Default) ->
    if is_atom(P), P =:= Key -> true;
       tuple_size(P) >= 1, element(1, P) =:= Key ->
            case P of
                {_, Value} -> Value;
                _ -> Default
            end;
       true -> get_value(Key, Ps, Default)
    end;
get_value(_, [], Default) -> Default.

get_all_values(Key, [P | Ps]) ->
    if is_atom(P), P =:= Key -> [true | get_all_values(Key, Ps)];
       tuple_size(P) >= 1, element(1, P) =:= Key ->
            case P of
                {_, Value} -> [Value | get_all_values(Key, Ps)];
                _ -> get_all_values(Key, Ps)
            end;
       true -> get_all_values(Key, Ps)
    end;
get_all_values(_, []) -> [].

append_values(Key, List) ->
    lists:append([if is_list(V) -> V; true -> [V] end || V <- get_all_values(Key, List)]).

get_bool(Key, List) ->
    case lookup(Key, List) of
        {_, true} -> true;
        _ -> false
    end.

get_keys(List) -> get_keys(List, []).
get_keys([P | Ps], Acc) ->
    if is_atom(P) -> get_keys(Ps, add_key(P, Acc));
       tuple_size(P) >= 1 -> get_keys(Ps, add_key(element(1, P), Acc));
       true -> get_keys(Ps, Acc)
    end;
get_keys([], Acc) -> lists:reverse(Acc).

add_key(K, Acc) ->
    case lists:member(K, Acc) of
        true -> Acc;
        false -> [K | Acc]
    end.

delete(Key, [P | Ps]) ->
    if is_atom(P), P =:= Key -> delete(Key, Ps);
       tuple_size(P) >= 1, element(1, P) =:= Key -> delete(Key, Ps);
       true -> [P | delete(Key, Ps)]
    end;
delete(_, []) -> [].

substitute_aliases(As, Props) -> [substitute_alias(As, P) || P <- Props].

substitute_alias([{Key, Key1} | As], P) ->
    if is_atom(P), P =:= Key -> property(Key1, true);
       tuple_size(P) >= 1, element(1, P) =:= Key -> property(setelement(1, P, Key1));
       true -> substitute_alias(As, P)
    end;
substitute_alias([], P) -> P.

substitute_negations(As, Props) -> [substitute_negation(As, P) || P <- Props].

substitute_negation([{Key, Key1} | As], P) ->
    if is_atom(P), P =:= Key -> property(Key1, false);
       tuple_size(P) >= 1, element(1, P) =:= Key ->
            case P of
                {_, true} -> property(Key1, false);
                {_, false} -> property(Key1, true);
                _ -> property(Key1, true)
            end;
       true -> substitute_negation(As, P)
    end;
substitute_negation([], P) -> P.

normalize(List, [{aliases, As} | Xs]) ->
    normalize(substitute_aliases(As, List), Xs);
normalize(List, [{expand, Es} | Xs]) ->
    normalize(expand(Es, List), Xs);
normalize(List, [{negations, Ns} | Xs]) ->
    normalize(substitute_negations(Ns, List), Xs);
normalize(List, []) ->
    compact(List).

expand(Es, List) ->
    lists:flatmap(fun(P) -> expand_one(Es, P) end, List).

expand_one([{K, Exp} | Es], P) ->
    Key = key_of(K),
    case key_of(P) =:= Key andalso matches(K, P) of
        true -> Exp;
        false -> expand_one(Es, P)
    end;
expand_one([], P) -> [P].

key_of(P) when is_atom(P) -> P;
key_of(P) when is_tuple(P), tuple_size(P) >= 1 -> element(1, P);
key_of(P) -> P.

matches(K, _) when is_atom(K) -> true;
matches(K, P) -> property(K) =:= property(P).

split(List, Keys) ->
    {Store, Rest} = split(List, [{K, []} || K <- Keys], []),
    {[lists:reverse(L) || {_, L} <- Store], lists:reverse(Rest)}.

split([P | Ps], Store, Rest) ->
    K = key_of(P),
    case is_atom(P) orelse (is_tuple(P) andalso tuple_size(P) >= 1) of
        true ->
            case lists:keyfind(K, 1, Store) of
                {K, L} -> split(Ps, lists:keyreplace(K, 1, Store, {K, [P | L]}), Rest);
                false -> split(Ps, Store, [P | Rest])
            end;
        false -> split(Ps, Store, [P | Rest])
    end;
split([], Store, Rest) -> {Store, Rest}.

to_map(List) ->
    lists:foldr(fun(P, M) ->
                        case P of
                            K when is_atom(K) -> M#{K => true};
                            {K, V} -> M#{K => V};
                            _ -> M
                        end
                end, #{}, List).

from_map(Map) -> maps:to_list(Map).
