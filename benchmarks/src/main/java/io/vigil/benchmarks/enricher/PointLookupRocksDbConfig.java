package io.vigil.benchmarks.enricher;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.DataBlockIndexType;
import org.rocksdb.Options;

import java.util.Map;

/**
 * A trial, not the service's configuration: the point-lookup settings of RocksDB's {@code OptimizeForPointLookup}
 * that keep Kafka Streams' own table configuration (its block cache and Bloom filter, which Streams sets by
 * default): a hash index inside each data block, so that a get finds its key in a block without a binary search,
 * and a whole-key Bloom filter on the memtables, so that a get of an absent key skips them. Enabled in
 * {@link EnricherMemoryBenchmark} by {@code -Dvigil.benchmark.point-lookup=true}.
 */
public final class PointLookupRocksDbConfig implements RocksDBConfigSetter {

    /** RocksDB's default for the data-block hash index (its {@code data_block_hash_table_util_ratio}). */
    private static final double HASH_UTIL_RATIO = 0.75;
    /** As {@code OptimizeForPointLookup} sets it: 2% of a memtable for its Bloom filter. */
    private static final double MEMTABLE_BLOOM_RATIO = 0.02;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setDataBlockIndexType(DataBlockIndexType.kDataBlockBinaryAndHash);
        table.setDataBlockHashTableUtilRatio(HASH_UTIL_RATIO);
        options.setTableFormatConfig(table);
        options.setMemtableWholeKeyFiltering(true);
        options.setMemtablePrefixBloomSizeRatio(MEMTABLE_BLOOM_RATIO);
    }

    @Override
    public void close(String storeName, Options options) {
        // nothing of its own to release: Streams owns the table configuration
    }
}
