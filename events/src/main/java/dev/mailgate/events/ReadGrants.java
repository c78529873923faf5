package dev.mailgate.events;

import java.util.Collection;
import java.util.Map;

/**
 * Who may read a released inbound email, from the read grants it carries: a role's own grant
 * decides; a role without one falls under the {@code *} grant; with neither it may not read. Role
 * names compare as {@link RoleNames} does, so a MetaGPT profile {@code "Product Manager"} and the
 * class name {@code ProductManager} are one role.
 */
public final class ReadGrants {

  /** The grant for every role without one of its own. */
  public static final String ANY_ROLE = "*";

  private ReadGrants() {}

  /**
   * Whether a role known by any of {@code roleNames} may read. No grants (an email not released, or
   * released before grants were carried) lets no role read. When several of the names have grants
   * of their own, every one of them must allow it.
   */
  public static boolean allows(Map<String, Boolean> grants, Collection<String> roleNames) {
    if (grants == null || roleNames == null || roleNames.isEmpty()) {
      return false;
    }
    boolean own = false;
    for (Map.Entry<String, Boolean> grant : grants.entrySet()) {
      if (ANY_ROLE.equals(grant.getKey()) || !namesAny(grant.getKey(), roleNames)) {
        continue;
      }
      if (!Boolean.TRUE.equals(grant.getValue())) {
        return false;
      }
      own = true;
    }
    return own || Boolean.TRUE.equals(grants.get(ANY_ROLE));
  }

  private static boolean namesAny(String grantRole, Collection<String> roleNames) {
    String granted = RoleNames.key(grantRole);
    for (String name : roleNames) {
      String n = RoleNames.key(name);
      if (!n.isEmpty() && n.equals(granted)) {
        return true;
      }
    }
    return false;
  }
}
