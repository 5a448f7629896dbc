%% Gluon's `spi`, following AtomVM's API: `open/1` with a bus and named
%% devices; `write/3` and `write_read/3` take AtomVM's transaction maps;
%% `read_at/4` and `write_at/5` address a device register (the address
%% byte first, then `Len` bits of data, big-endian). Each device is one
%% platform SPI device (bus plus chip select), numbered by its
%% `{device, N}` option or by its position in `device_config`.
%% Natives in `gluon_hal`.
-module(spi).
-export([open/1, close/1, read_at/4, write_at/5, write/3, write_read/3]).

open(Params) when is_list(Params) ->
    Devs = proplists:get_value(device_config, Params, []),
    {'$spi', number(Devs, 0)}.

number([], _) -> [];
number([{Name, Opts} | T], I) ->
    [{Name, proplists:get_value(device, Opts, I)} | number(T, I + 1)].

close(_SPI) -> ok.

device({'$spi', Devs}, Name) ->
    case lists:keyfind(Name, 1, Devs) of
        {_, N} -> N;
        false -> erlang:error(badarg)
    end.

read_at(SPI, Name, Address, Len) ->
    Bytes = (Len + 7) div 8,
    case gluon_hal:spi_transfer(device(SPI, Name), [Address, binary:copy(<<0>>, Bytes)]) of
        {ok, <<_, V:Len, _/bits>>} -> {ok, V};
        {ok, _} -> {error, einval};
        Error -> Error
    end.

write_at(SPI, Name, Address, Len, Data) ->
    case gluon_hal:spi_transfer(device(SPI, Name), [Address, <<Data:Len, 0:((8 - Len rem 8) rem 8)>>]) of
        {ok, <<_, V:Len, _/bits>>} -> {ok, V};
        {ok, _} -> {error, einval};
        Error -> Error
    end.

%% #{write_data => Binary}
write(SPI, Name, #{write_data := Data}) ->
    case gluon_hal:spi_transfer(device(SPI, Name), Data) of
        {ok, _} -> ok;
        Error -> Error
    end.

%% #{write_data => Binary, read_bits => N}: {ok, what came back}.
write_read(SPI, Name, #{write_data := Data} = T) ->
    case gluon_hal:spi_transfer(device(SPI, Name), Data) of
        {ok, Back} ->
            case maps:get(read_bits, T, bit_size(Back)) of
                N when N =< bit_size(Back) -> <<R:N/bits, _/bits>> = Back, {ok, R};
                _ -> {ok, Back}
            end;
        Error -> Error
    end.
