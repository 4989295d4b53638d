// Original file: protos/tributary/coord/v1/cluster.proto


/**
 * Request of ClusterService.AddMember.
 */
export interface AddMemberRequest {
  /**
   * Id of the new member, ≥ 1.
   */
  'id'?: (number);
  /**
   * Its address, "host:port".
   */
  'address'?: (string);
  /**
   * Add as a non-voting learner. Adding an existing learner's id with `learner` false promotes
   * it to voter.
   */
  'learner'?: (boolean);
}

/**
 * Request of ClusterService.AddMember.
 */
export interface AddMemberRequest__Output {
  /**
   * Id of the new member, ≥ 1.
   */
  'id': (number);
  /**
   * Its address, "host:port".
   */
  'address': (string);
  /**
   * Add as a non-voting learner. Adding an existing learner's id with `learner` false promotes
   * it to voter.
   */
  'learner': (boolean);
}
