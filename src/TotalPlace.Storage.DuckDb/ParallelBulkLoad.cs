using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using static TotalPlace.Storage.SqlCommands;

namespace TotalPlace.Storage.DuckDb;

/// <summary>Bulk loads a <see cref="LinePipeline"/> into a table with one <c>INSERT … SELECT</c> from a table function
/// of ours, so DuckDB fills, compresses and stores row groups on every core it has, in the caller's transaction.</summary>
/// <remarks>
/// <para>Why not the appender: an appender stores on the one thread that calls it, and a large import was bound by
/// that thread (docs/performance.md, issue 11): DuckDB's compression took 4.4 s of CPU on one core while the other
/// waited. An <c>INSERT</c> whose source can be read by several threads is a parallel insert instead: each thread
/// builds and compresses its own row groups, and they are merged into the table when the statement ends.</para>
/// <para>A parallel insert needs <c>preserve_insertion_order</c> off (a table function has no batch index for
/// DuckDB to restore order with). Only physical order is given up: every line carries its number in the batch, and
/// every query that reads lines in order sorts by it. The setting is DuckDB-wide, so it is switched off for this one
/// statement, under the store's single-writer lock, and put back after.</para>
/// <para>DuckDB calls back on its own threads: <see cref="Fill"/> takes the next block from the pipeline and writes it
/// into the output chunk's vectors. A callback never lets an exception escape into native code; the first failure is
/// kept, reported to DuckDB (which fails the statement) and rethrown here as it was thrown.</para>
/// </remarks>
internal static partial class ParallelBulkLoad
{
    private const string FunctionName = "totalplace_pipeline_rows";

    private static readonly ConcurrentDictionary<long, Load> s_loads = new();
    private static readonly SemaphoreSlim s_registerGate = new(1, 1);
    private static long s_lastToken;

    /// <summary>Loads every block of <paramref name="pipeline"/> into <paramref name="table"/> and returns the rows
    /// stored, or null (having read nothing) when the table has a column type this load does not write.</summary>
    public static async Task<long?> TryRunAsync(DuckDBConnection connection, string table, LinePipeline pipeline, Action<IBulkWriter, ClassifiedLine> writeRow, CancellationToken cancellationToken)
    {
        var columns = await ColumnsOfAsync(connection, table, cancellationToken);
        if (columns is null)
        {
            return null;
        }

        var load = new Load(table, columns, pipeline, writeRow);
        long stored = 0;
        var token = Interlocked.Increment(ref s_lastToken);
        s_loads[token] = load;
        try
        {
            // The setting is switched on a connection of its own: after a failed insert the load's connection is in an
            // aborted transaction and refuses every statement, and the setting must still be put back.
            await using var settings = new DuckDBConnection(connection.ConnectionString);
            await settings.OpenAsync(cancellationToken);
            var preserved = await ScalarAsync<string>(settings, "SELECT current_setting('preserve_insertion_order')::TEXT", cancellationToken);
            await ExecuteAsync(settings, "SET preserve_insertion_order = false", cancellationToken);
            var restored = false;
            try
            {
                stored = await ExecuteAsync(connection, $"INSERT INTO {table} SELECT * FROM {FunctionName}({token.ToString(CultureInfo.InvariantCulture)})", cancellationToken);
                await RestoreAsync(settings, preserved);
                restored = true;
            }
            catch (DbException) when (load.Failure is not null)
            {
                load.Failure.Throw();
            }
            finally
            {
                if (!restored)
                {
                    try
                    {
                        await RestoreAsync(settings, preserved);
                    }
                    catch (DbException)
                    {
                        // The load's own failure is the one to report; this one would only hide it.
                    }
                }
            }
        }
        finally
        {
            s_loads.TryRemove(token, out _);
        }

        load.Failure?.Throw();
        return stored;
    }

    /// <summary>Puts <c>preserve_insertion_order</c> back as found (an operator may have set it in the connection
    /// string), not to the default. The setting is DuckDB-wide: while a load runs, a query on another connection that
    /// has no ORDER BY may get its rows in another order too.</summary>
    private static Task<int> RestoreAsync(DuckDBConnection settings, string? preserved) =>
        ExecuteAsync(settings, $"SET preserve_insertion_order = {(preserved == "false" ? "false" : "true")}", CancellationToken.None);

    private static async Task<Column[]?> ColumnsOfAsync(DuckDBConnection connection, string table, CancellationToken cancellationToken)
    {
        var described = await QueryAsync(
            connection,
            "SELECT data_type, numeric_precision, numeric_scale FROM duckdb_columns() " +
            "WHERE table_name = $1 AND schema_name = 'main' AND database_name = current_database() ORDER BY column_index",
            reader => reader.GetString(0) switch
            {
                "INTEGER" => new Column(DuckDBType.Integer),
                "BIGINT" => new Column(DuckDBType.BigInt),
                "DATE" => new Column(DuckDBType.Date),
                "VARCHAR" => new Column(DuckDBType.Varchar),
                var type when type.StartsWith("DECIMAL(", StringComparison.Ordinal) => new Column(
                    DuckDBType.Decimal,
                    Convert.ToByte(reader.GetValue(1), CultureInfo.InvariantCulture),
                    Convert.ToByte(reader.GetValue(2), CultureInfo.InvariantCulture)),
                _ => (Column?)null,
            },
            cancellationToken,
            table);
        return described.Count == 0 || described.Any(column => column is null) ? null : [.. described.Select(column => column!.Value)];
    }

    /// <summary>Registers the table function in the database instance <paramref name="connection"/> belongs to,
    /// unless it is there already. Called when the store first loads the file, outside any transaction: a function
    /// registered inside one would be invisible to transactions that began before it, and gone if it rolled back.
    /// DuckDB keeps it in the instance's system catalog, which every connection to the file shares.</summary>
    public static async Task RegisterAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        await s_registerGate.WaitAsync(cancellationToken);
        try
        {
            if (await ScalarAsync<long>(connection, "SELECT count(*) FROM duckdb_functions() WHERE function_name = $1", cancellationToken, FunctionName) == 0)
            {
                Register(connection);
            }
        }
        finally
        {
            s_registerGate.Release();
        }
    }

    private static unsafe void Register(DuckDBConnection connection)
    {
        var function = Native.duckdb_create_table_function();
        try
        {
            Native.duckdb_table_function_set_name(function, FunctionName);
            var parameter = Native.duckdb_create_logical_type((int)DuckDBType.BigInt);
            Native.duckdb_table_function_add_parameter(function, parameter);
            Native.duckdb_destroy_logical_type(&parameter);
            Native.duckdb_table_function_set_bind(function, &Bind);
            Native.duckdb_table_function_set_init(function, &Init);
            Native.duckdb_table_function_set_local_init(function, &LocalInit);
            Native.duckdb_table_function_set_function(function, &Fill);
            if (Native.duckdb_register_table_function(connection.NativeConnection.DangerousGetHandle(), function) != 0)
            {
                throw new InvalidOperationException($"DuckDB refused to register the bulk-load function {FunctionName}.");
            }
        }
        finally
        {
            Native.duckdb_destroy_table_function(&function);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static unsafe void Bind(IntPtr info)
    {
        try
        {
            var value = Native.duckdb_bind_get_parameter(info, 0);
            var token = Native.duckdb_get_int64(value);
            Native.duckdb_destroy_value(&value);
            if (!s_loads.TryGetValue(token, out var load))
            {
                Native.duckdb_bind_set_error(info, $"{FunctionName} has no load {token}: it is only called by TotalPlace's own bulk load.");
                return;
            }

            for (var i = 0; i < load.Columns.Length; i++)
            {
                var column = load.Columns[i];
                var type = column.Type == DuckDBType.Decimal
                    ? Native.duckdb_create_decimal_type(column.Width, column.Scale)
                    : Native.duckdb_create_logical_type((int)column.Type);
                Native.duckdb_bind_add_result_column(info, "c" + i.ToString(CultureInfo.InvariantCulture), type);
                Native.duckdb_destroy_logical_type(&type);
            }

            // The token itself is the bind data; nothing to free.
            Native.duckdb_bind_set_bind_data(info, (IntPtr)token, null);
        }
        catch (Exception exception)
        {
            Native.duckdb_bind_set_error(info, exception.Message);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Init(IntPtr info)
    {
        try
        {
            // As many threads as DuckDB will give; it caps this at its own thread count.
            Native.duckdb_init_set_max_threads(info, (ulong)Environment.ProcessorCount);
        }
        catch (Exception exception)
        {
            Native.duckdb_init_set_error(info, exception.Message);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static unsafe void LocalInit(IntPtr info)
    {
        try
        {
            var handle = GCHandle.Alloc(new ChunkFiller());
            Native.duckdb_init_set_init_data(info, GCHandle.ToIntPtr(handle), &FreeFiller);
        }
        catch (Exception exception)
        {
            // An exception must never cross into DuckDB's native frames: it would end the process.
            Native.duckdb_init_set_error(info, exception.Message);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void FreeFiller(IntPtr data) => GCHandle.FromIntPtr(data).Free();

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Fill(IntPtr info, IntPtr output)
    {
        Load? load = null;
        try
        {
            var token = (long)Native.duckdb_function_get_bind_data(info);
            if (!s_loads.TryGetValue(token, out load))
            {
                // Never an empty result: ending quietly here would store fewer lines than were read.
                Native.duckdb_function_set_error(info, $"{FunctionName}: load {token} is no longer running.");
                return;
            }

            if (load.Failure is not null || !load.Pipeline.TryTakeBlock(out var block))
            {
                Native.duckdb_data_chunk_set_size(output, 0);
                return;
            }

            var filler = (ChunkFiller)GCHandle.FromIntPtr(Native.duckdb_function_get_local_init_data(info)).Target!;
            var rows = filler.Fill(output, load, block);
            load.Pipeline.Return(block);
            Native.duckdb_data_chunk_set_size(output, (ulong)rows);
        }
        catch (Exception exception)
        {
            if (load is not null)
            {
                Interlocked.CompareExchange(ref load.FailureField, ExceptionDispatchInfo.Capture(exception), null);
            }

            Native.duckdb_function_set_error(info, exception.Message);
        }
    }

    private readonly record struct Column(DuckDBType Type, byte Width = 0, byte Scale = 0)
    {
        public decimal ScaleFactor { get; } = PowerOfTen(Scale);

        /// <summary>10^width: the first scaled value the column cannot hold (a width of 29 or more is only bounded by
        /// decimal itself).</summary>
        public decimal Limit { get; } = Width is > 0 and < 29 ? PowerOfTen(Width) : decimal.MaxValue;

        private static decimal PowerOfTen(byte scale)
        {
            var factor = 1m;
            for (var i = 0; i < scale; i++)
            {
                factor *= 10m;
            }

            return factor;
        }
    }

    private sealed class Load(string table, Column[] columns, LinePipeline pipeline, Action<IBulkWriter, ClassifiedLine> writeRow)
    {
        public ExceptionDispatchInfo? FailureField;

        public string Table { get; } = table;

        public Column[] Columns { get; } = columns;

        public LinePipeline Pipeline { get; } = pipeline;

        public Action<IBulkWriter, ClassifiedLine> WriteRow { get; } = writeRow;

        public ExceptionDispatchInfo? Failure => Volatile.Read(ref FailureField);
    }

    /// <summary>Writes one block's rows into an output chunk's vectors: integers, dates as days since 1970, decimals
    /// scaled to the column's integer storage, UTF-8 text (up to 12 bytes inline, as DuckDB keeps it) and null masks.
    /// One per DuckDB thread.</summary>
    private sealed unsafe class ChunkFiller : IBulkWriter
    {
        private static readonly int s_unixEpochDay = new DateOnly(1970, 1, 1).DayNumber;
        private static readonly ulong s_vectorSize = Native.duckdb_vector_size();

        private IntPtr[] _vectors = [];
        private void*[] _data = [];
        private ulong*[] _validity = [];
        private Column[] _columns = [];
        private string _table = "";
        private int _row;
        private int _column;
        private byte[] _utf8 = new byte[256];

        public int Fill(IntPtr chunk, Load load, ClassifiedLine[] block)
        {
            if ((ulong)block.Length > s_vectorSize)
            {
                throw new InvalidOperationException($"A block of {block.Length} lines is larger than DuckDB's vector ({s_vectorSize}).");
            }

            Bind(chunk, load);
            _row = 0;
            foreach (var classified in block)
            {
                if (classified.Line is null)
                {
                    break;
                }

                _column = 0;
                load.WriteRow(this, classified);
                if (_column != _columns.Length)
                {
                    throw new InvalidOperationException($"{_table} has {_columns.Length} columns but the row had {_column} values.");
                }

                _row++;
            }

            return _row;
        }

        public IBulkWriter CreateRow() => throw new NotSupportedException("The parallel load frames each row itself.");

        public IBulkWriter EndRow() => throw new NotSupportedException("The parallel load frames each row itself.");

        public long Complete() => throw new NotSupportedException("The parallel load frames each row itself.");

        public void Dispose()
        {
        }

        public IBulkWriter AppendValue(int value)
        {
            var index = Next();
            switch (_columns[index].Type)
            {
                case DuckDBType.Integer:
                    ((int*)_data[index])[_row] = value;
                    break;
                case DuckDBType.BigInt:
                    ((long*)_data[index])[_row] = value;
                    break;
                default:
                    throw Mismatch(index, "an integer");
            }

            return this;
        }

        public IBulkWriter AppendValue(long value)
        {
            var index = Next();
            if (_columns[index].Type != DuckDBType.BigInt)
            {
                throw Mismatch(index, "a long integer");
            }

            ((long*)_data[index])[_row] = value;
            return this;
        }

        public IBulkWriter AppendValue(decimal value)
        {
            var index = Next();
            var column = _columns[index];
            if (column.Type != DuckDBType.Decimal)
            {
                throw Mismatch(index, "a decimal");
            }

            var scaled = value * column.ScaleFactor;
            if (decimal.Truncate(scaled) != scaled)
            {
                // Rounding here would store a figure other than the one counted; the store checks places before this.
                throw new InvalidOperationException($"{value} has more decimal places than column {index + 1} of {_table} keeps ({column.Scale}).");
            }

            if (Math.Abs(scaled) >= column.Limit)
            {
                // The integer under a DECIMAL(18,4) has room for more than 18 digits; DuckDB would not check them here.
                throw new InvalidOperationException($"{value} has more digits than column {index + 1} of {_table} holds (DECIMAL({column.Width},{column.Scale})).");
            }

            switch (column.Width)
            {
                case <= 4:
                    ((short*)_data[index])[_row] = decimal.ToInt16(scaled);
                    break;
                case <= 9:
                    ((int*)_data[index])[_row] = decimal.ToInt32(scaled);
                    break;
                case <= 18:
                    ((long*)_data[index])[_row] = decimal.ToInt64(scaled);
                    break;
                default:
                    var wide = (Int128)scaled;
                    ((ulong*)_data[index])[2 * _row] = (ulong)wide;
                    ((long*)_data[index])[(2 * _row) + 1] = (long)(wide >> 64);
                    break;
            }

            return this;
        }

        public IBulkWriter AppendValue(DateOnly value)
        {
            var index = Next();
            if (_columns[index].Type != DuckDBType.Date)
            {
                throw Mismatch(index, "a date");
            }

            ((int*)_data[index])[_row] = value.DayNumber - s_unixEpochDay;
            return this;
        }

        public IBulkWriter AppendValue(string? value)
        {
            var index = Next();
            if (_columns[index].Type != DuckDBType.Varchar)
            {
                throw Mismatch(index, "text");
            }

            if (value is null)
            {
                if (_validity[index] is null)
                {
                    Native.duckdb_vector_ensure_validity_writable(_vectors[index]);
                    _validity[index] = Native.duckdb_vector_get_validity(_vectors[index]);
                }

                _validity[index][_row >> 6] &= ~(1UL << (_row & 63));
                return this;
            }

            if (System.Text.Encoding.UTF8.GetMaxByteCount(value.Length) > _utf8.Length)
            {
                _utf8 = new byte[System.Text.Encoding.UTF8.GetMaxByteCount(value.Length)];
            }

            var length = System.Text.Encoding.UTF8.GetBytes(value, _utf8);
            var entry = (byte*)_data[index] + (16 * _row);
            if (length <= 12)
            {
                // DuckDB keeps a string of up to 12 bytes inside its 16-byte entry, zero-padded (equality compares all
                // 16 bytes), so a short value needs no call into the engine.
                *(uint*)entry = (uint)length;
                var inline = new Span<byte>(entry + 4, 12);
                inline.Clear();
                _utf8.AsSpan(0, length).CopyTo(inline);
            }
            else
            {
                fixed (byte* bytes = _utf8)
                {
                    // The bytes came from Encoding.UTF8, so they are valid UTF-8 and DuckDB's check can be skipped.
                    Native.duckdb_unsafe_vector_assign_string_element_len(_vectors[index], (ulong)_row, bytes, (ulong)length);
                }
            }

            return this;
        }

        /// <summary>Reads the output chunk's vectors afresh: DuckDB may hand each call new buffers.</summary>
        private void Bind(IntPtr chunk, Load load)
        {
            if (_columns != load.Columns)
            {
                _columns = load.Columns;
                _table = load.Table;
                _vectors = new IntPtr[_columns.Length];
                _data = new void*[_columns.Length];
                _validity = new ulong*[_columns.Length];
            }

            for (var i = 0; i < _columns.Length; i++)
            {
                _vectors[i] = Native.duckdb_data_chunk_get_vector(chunk, (ulong)i);
                _data[i] = Native.duckdb_vector_get_data(_vectors[i]);
                _validity[i] = null;
            }
        }

        private int Next()
        {
            if (_column >= _columns.Length)
            {
                throw new InvalidOperationException($"{_table} has {_columns.Length} columns but the row has more values.");
            }

            return _column++;
        }

        private InvalidOperationException Mismatch(int index, string given) =>
            new($"column {index + 1} of {_table} is {_columns[index].Type}, not {given}.");
    }

    /// <summary>DuckDB's C API for table functions and vectors, which DuckDB.NET does not expose in full (no thread
    /// count, no per-thread state).</summary>
    private static unsafe partial class Native
    {
        private const string Library = "duckdb";

        [LibraryImport(Library)]
        public static partial IntPtr duckdb_create_table_function();

        [LibraryImport(Library)]
        public static partial void duckdb_destroy_table_function(IntPtr* function);

        [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
        public static partial void duckdb_table_function_set_name(IntPtr function, string name);

        [LibraryImport(Library)]
        public static partial void duckdb_table_function_add_parameter(IntPtr function, IntPtr type);

        [LibraryImport(Library)]
        public static partial void duckdb_table_function_set_bind(IntPtr function, delegate* unmanaged[Cdecl]<IntPtr, void> bind);

        [LibraryImport(Library)]
        public static partial void duckdb_table_function_set_init(IntPtr function, delegate* unmanaged[Cdecl]<IntPtr, void> init);

        [LibraryImport(Library)]
        public static partial void duckdb_table_function_set_local_init(IntPtr function, delegate* unmanaged[Cdecl]<IntPtr, void> init);

        [LibraryImport(Library)]
        public static partial void duckdb_table_function_set_function(IntPtr function, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, void> function2);

        [LibraryImport(Library)]
        public static partial int duckdb_register_table_function(IntPtr connection, IntPtr function);

        [LibraryImport(Library)]
        public static partial IntPtr duckdb_create_logical_type(int type);

        [LibraryImport(Library)]
        public static partial IntPtr duckdb_create_decimal_type(byte width, byte scale);

        [LibraryImport(Library)]
        public static partial void duckdb_destroy_logical_type(IntPtr* type);

        [LibraryImport(Library)]
        public static partial IntPtr duckdb_bind_get_parameter(IntPtr info, ulong index);

        [LibraryImport(Library)]
        public static partial long duckdb_get_int64(IntPtr value);

        [LibraryImport(Library)]
        public static partial void duckdb_destroy_value(IntPtr* value);

        [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
        public static partial void duckdb_bind_add_result_column(IntPtr info, string name, IntPtr type);

        [LibraryImport(Library)]
        public static partial void duckdb_bind_set_bind_data(IntPtr info, IntPtr data, delegate* unmanaged[Cdecl]<IntPtr, void> destroy);

        [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
        public static partial void duckdb_bind_set_error(IntPtr info, string error);

        [LibraryImport(Library)]
        public static partial void duckdb_init_set_max_threads(IntPtr info, ulong threads);

        [LibraryImport(Library)]
        public static partial void duckdb_init_set_init_data(IntPtr info, IntPtr data, delegate* unmanaged[Cdecl]<IntPtr, void> destroy);

        [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
        public static partial void duckdb_init_set_error(IntPtr info, string error);

        [LibraryImport(Library)]
        public static partial IntPtr duckdb_function_get_bind_data(IntPtr info);

        [LibraryImport(Library)]
        public static partial IntPtr duckdb_function_get_local_init_data(IntPtr info);

        [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
        public static partial void duckdb_function_set_error(IntPtr info, string error);

        [LibraryImport(Library)]
        public static partial void duckdb_data_chunk_set_size(IntPtr chunk, ulong size);

        [LibraryImport(Library)]
        public static partial IntPtr duckdb_data_chunk_get_vector(IntPtr chunk, ulong index);

        [LibraryImport(Library)]
        public static partial void* duckdb_vector_get_data(IntPtr vector);

        [LibraryImport(Library)]
        public static partial ulong* duckdb_vector_get_validity(IntPtr vector);

        [LibraryImport(Library)]
        public static partial void duckdb_vector_ensure_validity_writable(IntPtr vector);

        [LibraryImport(Library)]
        public static partial void duckdb_unsafe_vector_assign_string_element_len(IntPtr vector, ulong index, byte* value, ulong length);

        [LibraryImport(Library)]
        public static partial ulong duckdb_vector_size();
    }
}
