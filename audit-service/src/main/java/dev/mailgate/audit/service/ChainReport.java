package dev.mailgate.audit.service;

import dev.mailgate.audit.domain.ChainBreak;

/**
 * The result of verifying one chain.
 *
 * @param chain the chain key (a mailbox id)
 * @param intact whether every link holds
 * @param rowsChecked rows verified before the first break (all of them when intact)
 * @param headPosition the last position the chain head records
 * @param firstBreak the first broken link, absent when intact
 */
public record ChainReport(
    String chain, boolean intact, long rowsChecked, long headPosition, ChainBreak firstBreak) {}
