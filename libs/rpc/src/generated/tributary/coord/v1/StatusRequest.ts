// Original file: protos/tributary/coord/v1/cluster.proto


/**
 * Request of ClusterService.Status.
 */
export interface StatusRequest {
}

/**
 * Request of ClusterService.Status.
 */
export interface StatusRequest__Output {
}
