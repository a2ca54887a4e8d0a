package io.vigil.compliance.tdb;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.List;

/** The Transparency Database's API as the batch submission sees it. */
public interface StatementApi {

    ApiAnswer createMany(List<ObjectNode> statements) throws IOException, InterruptedException;

    ApiAnswer createOne(ObjectNode statement) throws IOException, InterruptedException;

    ApiAnswer existing(String puid) throws IOException, InterruptedException;
}
