package io.cordon.nda;

/** Who discloses: both parties, or only the company. */
public enum NdaKind { MUTUAL, ONE_WAY }
