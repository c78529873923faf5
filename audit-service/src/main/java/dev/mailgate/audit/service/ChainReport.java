package dev.mailgate.audit.service;

import dev.mailgate.audit.domain.ChainBreak;

/**
 * The result of verifying one chain.
 *
 * @param chain the chain key (a mailbox id)
 * @param intact whether every link holds
 * @param rowsChecked rows verified before the first break (all of them when intact; an incremental
 *     check counts the rows after the position verified before)
 * @param headPosition the last position the chain head records (read when the walk started)
 * @param headHash the link the chain head records at that position
 * @param anchoredPosition the position of the latest valid anchor of the chain, absent when none
 * @param firstBreak the first broken link, absent when intact
 */
public record ChainReport(
    String chain,
    boolean intact,
    long rowsChecked,
    long headPosition,
    String headHash,
    Long anchoredPosition,
    ChainBreak firstBreak) {}
